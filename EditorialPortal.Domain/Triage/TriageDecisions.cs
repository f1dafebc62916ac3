using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Triage;

/// <summary>The editor-in-chief's first look at a submitted manuscript: back to the author, rejected at the desk, or to a handling editor.</summary>
public static class TriageDecisions
{
    public const int MessageMaxLength = 10_000;

    public static Decision ReturnToAuthor(Submission s, ReturnToAuthor c, Actor actor, DateTimeOffset now)
    {
        if (s.Status != SubmissionStatus.Submitted)
            return new Refusal.NotAllowedInState("return the manuscript to its author", s.Status.Describe(), "only a newly submitted manuscript goes back to its author");
        if (Text("message", c.Message, "Tell the author what to fix before they submit again.") is { } invalid) return invalid;
        return Decision.Record(new SubmissionReturnedToAuthor(s.Id, c.Message.Trim(), actor.Account, now));
    }

    public static Decision DeskReject(Submission s, DeskReject c, Actor actor, DateTimeOffset now)
    {
        if (s.Status is not (SubmissionStatus.Submitted or SubmissionStatus.WithEditor))
            return new Refusal.NotAllowedInState("reject the manuscript at the desk", s.Status.Describe(), "a desk rejection comes before peer review");
        if (Text("letter", c.Letter, "Write the letter the author receives.") is { } invalid) return invalid;
        return Decision.Record(new SubmissionDeskRejected(s.Id, c.Letter.Trim(), actor.Account, now));
    }

    /// <param name="editor">The account of the editor to assign, as it stands now; null if there is none.</param>
    public static Decision AssignHandlingEditor(Submission s, AssignHandlingEditor c, Journal journal, Account? editor, Actor actor, DateTimeOffset now)
    {
        // Reassigning during review is how a handling editor who declares a conflict is replaced.
        if (s.Status is not (SubmissionStatus.Submitted or SubmissionStatus.WithEditor or SubmissionStatus.UnderReview or SubmissionStatus.RevisionRequested))
            return new Refusal.NotAllowedInState("assign a handling editor", s.Status.Describe(), "a handling editor is assigned from submission until the final decision");
        if (editor is null || !(journal.Grants(editor.Id, JournalRole.HandlingEditor) || journal.Grants(editor.Id, JournalRole.EditorInChief)))
            return new Refusal.Invalid("editor", "Choose one of the journal's editors.");
        if (Conflicts.IsAuthor(s, editor))
            return new Refusal.Invalid("editor", $"{editor.Name} is an author of this manuscript and cannot handle it.");
        if (Conflicts.HasDeclaredConflict(s, editor))
            return new Refusal.Invalid("editor", $"{editor.Name} has declared a conflict of interest with this manuscript and cannot handle it.");
        if (s.HandlingEditor == editor.Id) return Decision.NothingToRecord;
        return Decision.Record(new HandlingEditorAssigned(s.Id, editor.Id, actor.Account, now));
    }

    private static Refusal.Invalid? Text(string field, string text, string whenEmpty) => text.Trim() switch
    {
        "" => new Refusal.Invalid(field, whenEmpty),
        { Length: > MessageMaxLength } => new Refusal.Invalid(field, $"Keep it under {MessageMaxLength} characters."),
        _ => null
    };
}
