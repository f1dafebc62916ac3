using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Triage;

/// <summary>Who may not handle or review a manuscript because of who they are to it.</summary>
public static class Conflicts
{
    /// <summary>The person started the submission or is listed among its authors.</summary>
    public static bool IsAuthor(Submission s, Account person) =>
        s.SubmittingAuthor == person.Id || s.Authors.Any(a => EmailAddress.Same(a.Email, person.Email));

    /// <summary>The person said they cannot judge it fairly.</summary>
    public static bool HasDeclaredConflict(Submission s, Account person) => s.DeclaredConflicts.Contains(person.Id);
}
