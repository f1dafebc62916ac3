using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Conflicts;

/// <summary>An editor or reviewer declares that they cannot judge this manuscript fairly; from then on they neither handle nor review it.</summary>
public sealed record DeclareConflict(string Reason) : SubmissionCommand;

public sealed record ConflictDeclared(Guid Submission, Guid Person, [property: Audience(TextAudience.EditorsAndWhomItConcerns)] string Reason, Guid By, DateTimeOffset At)
    : ISubmissionFact;

/// <summary>
/// Every rule of conflicts of interest, in one place: authors never judge their own manuscript, whatever roles they hold;
/// whoever declared a conflict with it judges it no more; a candidate reviewer who shares an institution with an author,
/// whom the authors opposed, or who wrote with an author elsewhere in the portal is invited only with a recorded reason.
/// </summary>
public static class ConflictsOfInterest
{
    public const string AuthorNeverJudges = "you are an author of this manuscript, and an author never judges their own work: another editor of the journal acts on it";
    public const string ConflictedNeverJudges = "you declared a conflict of interest with this manuscript: another editor of the journal acts on it";

    internal static void Register(SubmissionUseCases cases) => cases
        .Command<DeclareConflict>(new(Who.EditorOrReviewer, "declare a conflict of interest", "only the journal's editors and the manuscript's reviewers declare conflicts with it"), Declare)
        .Fact<ConflictDeclared>(SubmissionNarrative.ReviewKind, (s, f) => s with { DeclaredConflicts = [.. s.DeclaredConflicts, f.Person], LastChangedAt = f.At },
            (f, t) => t.MayRead(nameof(f.Reason)) ? $"declared a conflict of interest: “{f.Reason}”" : "declared a conflict of interest",
            (f, n) => n.Editors.Concat(n.EditorsInChief).Distinct().Select(e => new Notice(e, NoticeKind.ConflictDeclared,
                new Dictionary<string, string> { ["reviewer"] = n.People(f.Person)?.Name ?? "Someone", ["reason"] = f.Reason })),
            shown: (f, v) => v.Viewer == Blinding.Viewer.Reviewer && f.Person == v.Actor.Account);

    /// <summary>The person started the submission or is listed among its authors.</summary>
    public static bool IsAuthor(Submission s, Account person) =>
        s.SubmittingAuthor == person.Id || s.Authors.Any(a => EmailAddress.Same(a.Email, person.Email));

    /// <summary>The person said they cannot judge it fairly.</summary>
    public static bool HasDeclaredConflict(Submission s, Account person) => s.DeclaredConflicts.Contains(person.Id);

    /// <summary>Neither an author of it nor someone who declared a conflict with it: whatever their roles, only such a person judges it.</summary>
    public static bool MayJudge(this Submission s, Actor actor) => !s.IsAuthor(actor) && !s.DeclaredConflicts.Contains(actor.Account);

    /// <summary>The rules by which someone judges a manuscript: triage, handling its review, reviewing it, confirming decisions, raising a concern about it.</summary>
    private static readonly IReadOnlySet<Who> Judging = new HashSet<Who> { Who.EditorInChief, Who.HandlingEditor, Who.InvitedReviewer, Who.EditorOrReviewer, Who.IntegrityAnalyst };

    /// <summary>
    /// Why the actor may not act under this rule whatever roles they hold, or null: authors meet their manuscript only as
    /// its authors; a declared conflict weighs the same, except that declaring it again changes nothing.
    /// </summary>
    public static string? BarsFromJudging(Who rule, Standing standing) =>
        !Judging.Contains(rule) || !standing.IsPerson ? null
        : standing.IsAuthorOfIt ? AuthorNeverJudges
        : rule != Who.EditorOrReviewer && standing.HasDeclaredConflict ? ConflictedNeverJudges
        : null;

    /// <summary>
    /// Before its final decision, no editor-in-chief of the journal may judge it, since each wrote it or declared a
    /// conflict: it waits for the journal's administrators to appoint one who may.
    /// </summary>
    public static bool NeedsAnEditorWithoutAConflict(Submission s, IReadOnlyCollection<Account> editorsInChief) =>
        s.Status is SubmissionStatus.Submitted or SubmissionStatus.WithEditor or SubmissionStatus.UnderReview or SubmissionStatus.RevisionRequested
        && editorsInChief.All(editor => IsAuthor(s, editor) || HasDeclaredConflict(s, editor));

    /// <summary>Being one of its authors, or having declared a conflict with it, rules a candidate reviewer out.</summary>
    public static bool RulesOutReviewer(Submission s, Account candidate) => IsAuthor(s, candidate) || HasDeclaredConflict(s, candidate);

    /// <summary>Reasons a candidate may not judge a manuscript fairly that an editor may override with a recorded reason.</summary>
    /// <param name="coauthorsElsewhere">Email addresses of people who wrote other manuscripts in this system with this one's authors.</param>
    public static IReadOnlyList<string> ReviewerWarnings(Submission s, Account candidate, IReadOnlySet<string> coauthorsElsewhere)
    {
        var warnings = new List<string>();
        var candidateDomain = Domain(candidate.Email);
        foreach (var author in s.Authors)
        {
            if (candidate.Affiliation.Length > 0 && string.Equals(candidate.Affiliation.Trim(), author.Affiliation.Trim(), StringComparison.OrdinalIgnoreCase))
                warnings.Add($"{candidate.Name} works at {author.Affiliation}, like the author {author.Name}.");
            else if (candidateDomain is not null && candidateDomain == Domain(author.Email) && !PublicMailDomains.Contains(candidateDomain))
                warnings.Add($"{candidate.Name}'s email address is at {candidateDomain}, like that of the author {author.Name}.");
        }
        if (s.ReviewerPreferences.FirstOrDefault(p => p.Opposed && EmailAddress.Same(p.Email, candidate.Email)) is { } opposed)
            warnings.Add($"The authors asked that {candidate.Name} not review this manuscript: “{opposed.Reason}”.");
        if (coauthorsElsewhere.Contains(EmailAddress.Normalise(candidate.Email)))
            warnings.Add($"{candidate.Name} has written another manuscript in this system with one of the authors.");
        return warnings;
    }

    /// <summary>The declaration stands for good; a reviewer's open invitation on it is declined with it.</summary>
    private static Decision Declare(DeclareConflict c, Submission s, SubmissionDeciding d)
    {
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Say what the conflict is; only the editors see it.");
        if (c.Reason.Length > 2000) return new Refusal.Invalid("reason", "Keep the reason under 2,000 characters.");
        if (s.DeclaredConflicts.Contains(d.Actor.Account)) return Decision.NothingToRecord;
        var declared = new ConflictDeclared(s.Id, d.Actor.Account, c.Reason.Trim(), d.Actor.Account, d.Now);
        var open = s.CurrentRound.FirstOrDefault(a => a.Reviewer == d.Actor.Account && a.Status == InvitationStatus.Invited);
        return open is null
            ? Decision.Record(declared)
            : Decision.Record(declared, new InvitationDeclined(s.Id, open.Id, "A conflict of interest", null, d.Actor.Account, d.Now));
    }

    private static string? Domain(string email) => email.LastIndexOf('@') is var at and > 0 ? email[(at + 1)..].ToLowerInvariant() : null;

    // Sharing a public mail provider says nothing about sharing an institution.
    private static readonly IReadOnlySet<string> PublicMailDomains = new HashSet<string>
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "proton.me", "protonmail.com",
        "qq.com", "163.com", "126.com", "gmx.de", "web.de", "mail.ru", "yandex.ru"
    };
}
