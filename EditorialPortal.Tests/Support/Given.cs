using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Tests.Support;

/// <summary>The states that domain tests start from, folded from facts with the domain's own folds.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid SubmissionId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    public static readonly Guid Invitation = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    public static Submission Submission(params IHistoricalFact[] facts) => facts.Aggregate<IHistoricalFact, Submission?>(null, Domain.Submissions.Submission.Fold)!;

    /// <summary>A journal with these people in these roles.</summary>
    public static Journal Journal(ReviewMode mode, params (Guid Account, JournalRole Role)[] staff) =>
        new IHistoricalFact[] { new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now, mode) }
            .Concat(staff.Select(s => (IHistoricalFact)new JournalRoleGranted(JournalId, s.Account, s.Role, Guid.Empty, Now)))
            .Aggregate<IHistoricalFact, Journal?>(null, Domain.Journals.Journal.Fold)!;

    public static Account Account(Guid id, string name, string email) => Domain.People.Account.Fold(null, new AccountRegistered(id, name, email, "", null, id, Now))!;

    public static Account Account(Actor person) => Account(person.Account, person.Name, person.Email);
}
