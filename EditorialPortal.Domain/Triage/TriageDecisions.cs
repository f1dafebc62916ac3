using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Integrity;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Triage;

/// <summary>Sends an incomplete manuscript back to its author, who may change it and submit it again.</summary>
public sealed record ReturnToAuthor(string Message) : SubmissionCommand;

/// <summary>Rejects a manuscript without peer review, with the letter the author receives.</summary>
public sealed record DeskReject(string Letter) : SubmissionCommand;

/// <summary>Gives a manuscript to one of the journal's editors to run its peer review.</summary>
public sealed record AssignHandlingEditor(Guid Editor) : SubmissionCommand;

public sealed record SubmissionReturnedToAuthor(Guid Submission, [property: Audience(TextAudience.EditorsAndAuthors)] string Message, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record SubmissionDeskRejected(Guid Submission, [property: Audience(TextAudience.EditorsAndAuthors)] string Letter, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record HandlingEditorAssigned(Guid Submission, Guid Editor, Guid By, DateTimeOffset At) : ISubmissionFact;

/// <summary>The editor-in-chief's first look at a submitted manuscript: back to the author, rejected at the desk, or to a handling editor.</summary>
public static class TriageDecisions
{
    public const int MessageMaxLength = 10_000;

    private const string OnlyEditorInChief = "only the journal's editor-in-chief triages new submissions";

    internal static void Register(SubmissionUseCases cases) => cases
        .Command<ReturnToAuthor>(new(Who.EditorInChief, "return the manuscript to its author", OnlyEditorInChief), ReturnToAuthor)
        .Command<DeskReject>(new(Who.EditorInChief, "reject the manuscript at the desk", OnlyEditorInChief), DeskReject)
        .Command<AssignHandlingEditor>(new(Who.EditorInChief, "assign a handling editor", OnlyEditorInChief), AssignHandlingEditor, subject: c => c.Editor)
        .Fact<SubmissionReturnedToAuthor>(SubmissionNarrative.Triage, (s, f) => s with { Status = SubmissionStatus.Draft, MessageToAuthor = f.Message, LastChangedAt = f.At },
            (f, t) => t.MayRead(nameof(f.Message)) ? $"returned the manuscript to its author: “{f.Message}”" : "returned the manuscript to its author",
            (f, n) => [new(n.State.SubmittingAuthor, NoticeKind.ReturnedToAuthor, new Dictionary<string, string> { ["reason"] = f.Message })])
        .Fact<SubmissionDeskRejected>(SubmissionNarrative.Triage, (s, f) => s with { Status = SubmissionStatus.Rejected, MessageToAuthor = f.Letter, LastChangedAt = f.At },
            (_, _) => "rejected the manuscript at the desk",
            (f, n) => [new(n.State.SubmittingAuthor, NoticeKind.DecisionLetter, new Dictionary<string, string> { ["letter"] = f.Letter }, Letter: DecisionKind.DeskReject)])
        .Fact<HandlingEditorAssigned>(SubmissionNarrative.Triage,
            (s, f) => s with { Status = s.Status == SubmissionStatus.Submitted ? SubmissionStatus.WithEditor : s.Status, HandlingEditor = f.Editor, LastChangedAt = f.At },
            (f, t) => $"assigned {t.Name(f.Editor, "an editor")} as handling editor",
            (f, _) => [new(f.Editor, NoticeKind.HandlingEditorAssigned, Notice.Nothing)],
            named: f => [f.Editor]);

    private static Decision ReturnToAuthor(ReturnToAuthor c, Submission s, SubmissionDeciding d)
    {
        if (s.Status != SubmissionStatus.Submitted)
            return new Refusal.NotAllowedInState("return the manuscript to its author", s.Status.Describe(), "only a newly submitted manuscript goes back to its author");
        if (Text("message", c.Message, "Tell the author what to fix before they submit again.") is { } invalid) return invalid;
        return Decision.Record(new SubmissionReturnedToAuthor(s.Id, c.Message.Trim(), d.Actor.Account, d.Now));
    }

    private static Decision DeskReject(DeskReject c, Submission s, SubmissionDeciding d)
    {
        if (s.Status is not (SubmissionStatus.Submitted or SubmissionStatus.WithEditor))
            return new Refusal.NotAllowedInState("reject the manuscript at the desk", s.Status.Describe(), "a desk rejection comes before peer review");
        if (s.IsHeld()) return new Refusal.NotAllowedInState("reject the manuscript at the desk", "held", IntegrityConcerns.Held);
        if (Text("letter", c.Letter, "Write the letter the author receives.") is { } invalid) return invalid;
        return Decision.Record(new SubmissionDeskRejected(s.Id, c.Letter.Trim(), d.Actor.Account, d.Now));
    }

    /// <summary>The editor to assign is the command's subject: their account as it stands now, or null if there is none.</summary>
    private static Decision AssignHandlingEditor(AssignHandlingEditor c, Submission s, SubmissionDeciding d)
    {
        // Reassigning during review is how a handling editor who declares a conflict is replaced.
        if (s.Status is not (SubmissionStatus.Submitted or SubmissionStatus.WithEditor or SubmissionStatus.UnderReview or SubmissionStatus.RevisionRequested))
            return new Refusal.NotAllowedInState("assign a handling editor", s.Status.Describe(), "a handling editor is assigned from submission until the final decision");
        var journal = d.Journal!;
        if (d.Subject is not { } editor || !(journal.Grants(editor.Id, JournalRole.HandlingEditor) || journal.Grants(editor.Id, JournalRole.EditorInChief)))
            return new Refusal.Invalid("editor", "Choose one of the journal's editors.");
        if (ConflictsOfInterest.IsAuthor(s, editor))
            return new Refusal.Invalid("editor", $"{editor.Name} is an author of this manuscript and cannot handle it.");
        if (ConflictsOfInterest.HasDeclaredConflict(s, editor))
            return new Refusal.Invalid("editor", $"{editor.Name} has declared a conflict of interest with this manuscript and cannot handle it.");
        if (s.HandlingEditor == editor.Id) return Decision.NothingToRecord;
        return Decision.Record(new HandlingEditorAssigned(s.Id, editor.Id, d.Actor.Account, d.Now));
    }

    private static Refusal.Invalid? Text(string field, string text, string whenEmpty) => text.Trim() switch
    {
        "" => new Refusal.Invalid(field, whenEmpty),
        { Length: > MessageMaxLength } => new Refusal.Invalid(field, $"Keep it under {MessageMaxLength} characters."),
        _ => null
    };
}
