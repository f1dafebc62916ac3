using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Integrity;

/// <summary>A concern about the integrity of a manuscript, open until lifted; one that holds the manuscript stops its decisions.</summary>
public sealed record IntegrityConcern(Guid Id, string Reason, bool Hold, Guid By, DateTimeOffset At);

/// <summary>An integrity analyst raises a concern about the manuscript; with <paramref name="Hold"/>, no decision is taken on it until the concern is lifted.</summary>
public sealed record RaiseIntegrityConcern(Guid Concern, string Reason, bool Hold) : SubmissionCommand;

/// <summary>The analyst lifts the concern, saying why: what was looked into, and what was found.</summary>
public sealed record LiftIntegrityConcern(Guid Concern, string Reason) : SubmissionCommand;

public sealed record IntegrityConcernRaised(Guid Submission, Guid Concern, [property: Audience(TextAudience.Editors)] string Reason, bool Hold, Guid By, DateTimeOffset At)
    : ISubmissionFact;

public sealed record IntegrityConcernLifted(Guid Submission, Guid Concern, [property: Audience(TextAudience.Editors)] string Reason, Guid By, DateTimeOffset At)
    : ISubmissionFact;

/// <summary>
/// Integrity concerns: the journal's integrity analysts, having found signs of manipulation, tell the editors about a
/// manuscript (and may hold it: no decision until the concern is lifted). A concern is the editors' business alone: the
/// authors and reviewers never see it, so that an investigation does not warn those it looks into. An analyst never
/// raises one about a manuscript they wrote.
/// </summary>
public static class IntegrityConcerns
{
    public const int LongestReason = 4_000;
    private const string OnlyAnalysts = "only the journal's integrity analysts raise and lift integrity concerns";
    public const string Held = "an integrity concern holds the manuscript: no decision is taken on it until the concern is lifted";

    internal static void Register(SubmissionUseCases cases) => cases
        .Command<RaiseIntegrityConcern>(new(Who.IntegrityAnalyst, "raise an integrity concern", OnlyAnalysts), Raise)
        .Command<LiftIntegrityConcern>(new(Who.IntegrityAnalyst, "lift an integrity concern", OnlyAnalysts), Lift)
        .Fact<IntegrityConcernRaised>(SubmissionNarrative.Triage,
            (s, f) => s with { IntegrityConcerns = [.. s.IntegrityConcerns, new IntegrityConcern(f.Concern, f.Reason, f.Hold, f.By, f.At)], LastChangedAt = f.At },
            (f, t) => (f.Hold ? "raised an integrity concern and held the manuscript" : "raised an integrity concern") + (t.MayRead(nameof(f.Reason)) ? $": “{f.Reason}”" : ""),
            (f, n) => Editors(n).Select(e => new Notice(e, NoticeKind.IntegrityConcernRaised, new Dictionary<string, string>
            {
                ["reason"] = f.Reason,
                ["hold"] = f.Hold ? "No decision can be taken on it until the concern is lifted." : "Decisions on it may go on."
            })),
            shown: (_, _) => false)
        .Fact<IntegrityConcernLifted>(SubmissionNarrative.Triage,
            (s, f) => s with { IntegrityConcerns = [.. s.IntegrityConcerns.Where(c => c.Id != f.Concern)], LastChangedAt = f.At },
            (f, t) => "lifted an integrity concern" + (t.MayRead(nameof(f.Reason)) ? $": “{f.Reason}”" : ""),
            (f, n) => Editors(n).Select(e => new Notice(e, NoticeKind.IntegrityConcernLifted, new Dictionary<string, string> { ["reason"] = f.Reason })),
            shown: (_, _) => false);

    /// <summary>Whether an open concern holds the manuscript, so that its decisions wait.</summary>
    public static bool IsHeld(this Submission s) => s.IntegrityConcerns.Any(c => c.Hold);

    private static IEnumerable<Guid> Editors(NoticeScene n) => n.Editors.Concat(n.EditorsInChief).Distinct();

    private static Decision Raise(RaiseIntegrityConcern c, Submission s, SubmissionDeciding d)
    {
        if (s.Status == SubmissionStatus.Draft)
            return new Refusal.NotAllowedInState("raise an integrity concern", s.Status.Describe(), "a draft is not yet before the journal", Of: "the manuscript");
        var reason = c.Reason.Trim();
        if (s.IntegrityConcerns.FirstOrDefault(open => open.Id == c.Concern) is { } raised)
            return raised.Reason == reason && raised.Hold == c.Hold ? Decision.NothingToRecord : new Refusal.Invalid("concern", "This concern is raised already.");
        if (reason.Length == 0) return new Refusal.Invalid("reason", "Say what the concern is: the editors read it, and the record keeps it.");
        if (reason.Length > LongestReason) return new Refusal.Invalid("reason", $"The reason is at most {LongestReason:N0} characters.");
        return Decision.Record(new IntegrityConcernRaised(s.Id, c.Concern, reason, c.Hold, d.Actor.Account, d.Now));
    }

    private static Decision Lift(LiftIntegrityConcern c, Submission s, SubmissionDeciding d)
    {
        if (s.IntegrityConcerns.All(open => open.Id != c.Concern))
            return new Refusal.NotAllowedInState("lift an integrity concern", "without that concern", "no such concern is open on the manuscript", Of: "the manuscript");
        var reason = c.Reason.Trim();
        if (reason.Length == 0) return new Refusal.Invalid("reason", "Say why the concern is lifted: what was looked into, and what was found.");
        if (reason.Length > LongestReason) return new Refusal.Invalid("reason", $"The reason is at most {LongestReason:N0} characters.");
        return Decision.Record(new IntegrityConcernLifted(s.Id, c.Concern, reason, d.Actor.Account, d.Now));
    }
}
