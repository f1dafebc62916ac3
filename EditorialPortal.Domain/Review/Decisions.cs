using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Integrity;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>The handling editor's decision on this round, with the letter the author receives.</summary>
/// <param name="EarlyDecisionReason">Why to decide before the journal's required number of reviews is in.</param>
public sealed record RecordDecision(DecisionKind Decision, string Letter, string? EarlyDecisionReason = null) : SubmissionCommand;

/// <summary>The editor-in-chief confirms the handling editor's recommended decision, with the letter as it is to go (edited or not).</summary>
public sealed record ConfirmDecision(string Letter) : SubmissionCommand;

/// <summary>The editor-in-chief sends a recommended decision back to the handling editor, saying why.</summary>
public sealed record ReturnRecommendation(string Reason) : SubmissionCommand;

/// <summary>The editor-in-chief takes back the round's decision; the round is open again for a new one.</summary>
public sealed record RescindDecision(string Reason) : SubmissionCommand;

/// <param name="EarlyDecisionReason">The editors' reason for deciding before the required reviews were in: theirs alone.</param>
public sealed record DecisionRecorded(Guid Submission, int Round, DecisionKind Decision, [property: Audience(TextAudience.EditorsAndAuthors)] string Letter,
    [property: Audience(TextAudience.Editors)] string? EarlyDecisionReason, Guid By, DateTimeOffset At) : ISubmissionFact;

/// <summary>A handling editor's decision that waits for an editor-in-chief's confirmation before the author hears of it.</summary>
public sealed record DecisionRecommended(Guid Submission, int Round, DecisionKind Decision, [property: Audience(TextAudience.Editors)] string Letter,
    [property: Audience(TextAudience.Editors)] string? EarlyDecisionReason, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record RecommendationReturned(Guid Submission, int Round, [property: Audience(TextAudience.Editors)] string Reason, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record DecisionRescinded(Guid Submission, int Round, DecisionKind Decision, [property: Audience(TextAudience.EditorsAndAuthors)] string Reason,
    Guid By, DateTimeOffset At) : ISubmissionFact;

/// <summary>
/// The round's decision: the handling editor records it, or recommends it for an editor-in-chief to confirm or return
/// when the journal says so; an editor-in-chief may rescind it. A letter never names a reviewer unless review is open.
/// </summary>
public static class Decisions
{
    private const string OnlyEditorInChiefConfirms = "only the journal's editor-in-chief confirms a recommended decision";

    internal static void Register(SubmissionUseCases cases) => cases
        .Command<RecordDecision>(new(Who.HandlingEditor, "record a decision", Invitations.OnlyHandlingEditor),
            (c, s, d) => NamesReviewers(c.Letter, s, d) ?? Decide(s, c, d), readsReviewerNames: true)
        .Command<ConfirmDecision>(new(Who.EditorInChief, "confirm a decision", OnlyEditorInChiefConfirms),
            (c, s, d) => NamesReviewers(c.Letter, s, d) ?? Confirm(s, c, d), readsReviewerNames: true)
        .Command<ReturnRecommendation>(new(Who.EditorInChief, "return a recommendation", OnlyEditorInChiefConfirms), Return)
        .Command<RescindDecision>(new(Who.EditorInChief, "rescind a decision", "only the journal's editor-in-chief takes back a decision"), Rescind)
        .Fact<DecisionRecorded>(SubmissionNarrative.Decisions,
            (s, f) => s with
            {
                Status = f.Decision switch
                {
                    DecisionKind.Accept => SubmissionStatus.Accepted,
                    DecisionKind.MinorRevision or DecisionKind.MajorRevision => SubmissionStatus.RevisionRequested,
                    _ => SubmissionStatus.Rejected
                },
                LastDecision = f.Decision,
                PendingRecommendation = null,
                MessageToAuthor = f.Letter,
                LastChangedAt = f.At
            },
            (f, _) => $"decided: {f.Decision.Describe().ToLowerInvariant()} (round {f.Round})",
            // Reviewers hear the decision only when the journal says so, in words of their own: the letter may name the authors.
            (f, n) => [new(n.State.SubmittingAuthor, NoticeKind.DecisionLetter, new Dictionary<string, string> { ["letter"] = f.Letter }, Letter: f.Decision),
                .. (n.Journal.TellsReviewersTheDecision ? n.State.Assignments.Where(a => a.Round == f.Round && a.Status == InvitationStatus.Submitted) : [])
                    .Select(a => new Notice(a.Reviewer, NoticeKind.DecisionToReviewers, new Dictionary<string, string> { ["decision"] = f.Decision.Describe().ToLowerInvariant() }))])
        // What the editors weigh before a decision goes out is theirs alone.
        .Fact<DecisionRecommended>(SubmissionNarrative.Decisions, (s, f) => s with { PendingRecommendation = f, LastChangedAt = f.At },
            (f, _) => $"recommended: {f.Decision.Describe().ToLowerInvariant()} (round {f.Round}), for the editor-in-chief to confirm",
            (f, n) => n.EditorsInChief.Select(e => new Notice(e, NoticeKind.RecommendationToConfirm,
                new Dictionary<string, string> { ["decision"] = f.Decision.Describe().ToLowerInvariant() })),
            shown: (_, _) => false)
        .Fact<RecommendationReturned>(SubmissionNarrative.Decisions, (s, f) => s with { PendingRecommendation = null, LastChangedAt = f.At },
            (f, t) => t.MayRead(nameof(f.Reason)) ? $"returned the recommended decision: “{f.Reason}”" : "returned the recommended decision",
            (f, n) => n.Before?.PendingRecommendation is { } returned
                ? [new(returned.By, NoticeKind.RecommendationReturned, new Dictionary<string, string> { ["reason"] = f.Reason })]
                : [],
            shown: (_, _) => false)
        .Fact<DecisionRescinded>(SubmissionNarrative.Decisions,
            (s, f) => s with { Status = SubmissionStatus.UnderReview, LastDecision = null, MessageToAuthor = null, LastChangedAt = f.At },
            (f, t) => $"rescinded the decision ({f.Decision.Describe().ToLowerInvariant()}, round {f.Round})" + (t.MayRead(nameof(f.Reason)) ? $": “{f.Reason}”" : ""),
            (f, n) => new[] { n.State.SubmittingAuthor }.Concat(n.Editors).Distinct().Select(p => new Notice(p, NoticeKind.DecisionRescinded,
                new Dictionary<string, string> { ["reason"] = f.Reason, ["decision"] = f.Decision.Describe().ToLowerInvariant() })));

    private static Refusal? NamesReviewers(string letter, Submission s, SubmissionDeciding d) =>
        Blinding.ReviewersNamedIn(letter, s, d.Journal, d.ReviewerNames) is { Count: > 0 } reviewers
            ? new Refusal.Invalid("letter", $"The letter names {string.Join(" and ", reviewers)}, who reviewed the manuscript; in this journal the authors must not learn who reviewed it. Call them \"Reviewer 1\", \"Reviewer 2\".")
            : null;

    /// <summary>An editor-in-chief's decision needs nobody's confirmation.</summary>
    private static Decision Decide(Submission s, RecordDecision c, SubmissionDeciding d)
    {
        var journal = d.Journal!;
        var byEditorInChief = d.Standing.IsEditorInChief;
        if (s.Status != SubmissionStatus.UnderReview)
            return new Refusal.NotAllowedInState("record a decision", s.Status.Describe(), "a decision follows peer review");
        if (s.IsHeld()) return new Refusal.NotAllowedInState("record a decision", "held", IntegrityConcerns.Held);
        if (s.PendingRecommendation is not null && !byEditorInChief)
            return new Refusal.NotAllowedInState("record a decision", "awaiting the editor-in-chief", "a recommended decision waits for the editor-in-chief's confirmation");
        if (c.Decision is DecisionKind.DeskReject) return new Refusal.Invalid("decision", "After peer review, decide to accept, ask for a revision, or reject.");
        if (s.ReviewsIn < journal.ReviewsRequired && string.IsNullOrWhiteSpace(c.EarlyDecisionReason))
            return new Refusal.Invalid("earlyDecisionReason", $"{s.ReviewsIn} of the {journal.ReviewsRequired} reviews the journal requires are in. To decide now, give your reason.");
        if (string.IsNullOrWhiteSpace(c.Letter)) return new Refusal.Invalid("letter", "Write the letter the author receives.");
        var early = s.ReviewsIn < journal.ReviewsRequired ? c.EarlyDecisionReason!.Trim() : null;
        return journal.EditorInChiefConfirmsDecisions && !byEditorInChief
            ? Decision.Record(new DecisionRecommended(s.Id, s.Round, c.Decision, c.Letter.Trim(), early, d.Actor.Account, d.Now))
            : Decision.Record(new DecisionRecorded(s.Id, s.Round, c.Decision, c.Letter.Trim(), early, d.Actor.Account, d.Now));
    }

    private static Decision Confirm(Submission s, ConfirmDecision c, SubmissionDeciding d)
    {
        if (s.Status != SubmissionStatus.UnderReview || s.PendingRecommendation is not { } recommended)
            return new Refusal.NotAllowedInState("confirm the decision", s.Status.Describe(), "no recommended decision waits for confirmation");
        if (s.IsHeld()) return new Refusal.NotAllowedInState("confirm the decision", "held", IntegrityConcerns.Held);
        if (string.IsNullOrWhiteSpace(c.Letter)) return new Refusal.Invalid("letter", "Write the letter the author receives.");
        return Decision.Record(new DecisionRecorded(s.Id, s.Round, recommended.Decision, c.Letter.Trim(), recommended.EarlyDecisionReason, d.Actor.Account, d.Now));
    }

    private static Decision Return(ReturnRecommendation c, Submission s, SubmissionDeciding d)
    {
        if (s.Status != SubmissionStatus.UnderReview || s.PendingRecommendation is null)
            return new Refusal.NotAllowedInState("return the recommendation", s.Status.Describe(), "no recommended decision waits for confirmation");
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Tell the handling editor why the recommendation comes back.");
        return Decision.Record(new RecommendationReturned(s.Id, s.Round, c.Reason.Trim(), d.Actor.Account, d.Now));
    }

    private static Decision Rescind(RescindDecision c, Submission s, SubmissionDeciding d)
    {
        if (s.LastDecision is not { } decision || s.Status is not (SubmissionStatus.Accepted or SubmissionStatus.Rejected or SubmissionStatus.RevisionRequested))
            return new Refusal.NotAllowedInState("rescind the decision", s.Status.Describe(), "there is no decision on this round to take back");
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Say why the decision is rescinded; the author is told.");
        if (c.Reason.Length > 2000) return new Refusal.Invalid("reason", "Keep the reason under 2,000 characters.");
        return Decision.Record(new DecisionRescinded(s.Id, s.Round, decision, c.Reason.Trim(), d.Actor.Account, d.Now));
    }
}
