using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Production;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>
/// How a person finds their task in what they are shown of an article's production: the open one given to them; failing
/// that the latest, so that the portal, not the finding, says why it is not theirs.
/// </summary>
public static class TheirTasks
{
    public static Guid? Copyedit(IReadOnlyList<CopyeditTask> tasks, Guid person) =>
        (tasks.LastOrDefault(t => t.Assignee == person && !t.Done) ?? tasks.LastOrDefault())?.Id;

    public static Guid? Round(IReadOnlyList<TypesettingRound> rounds, Guid person) =>
        (rounds.LastOrDefault(r => r.Typesetter == person && !r.Done) ?? rounds.LastOrDefault())?.Id;

    public static ProofTask? Proof(IReadOnlyList<ProofTask> proofs, Guid person) =>
        proofs.LastOrDefault(p => p.Reader == person && p.Status == ProofStatus.Waiting) ?? proofs.LastOrDefault(p => p.Status == ProofStatus.Waiting) ?? proofs.LastOrDefault();

    /// <summary>The galley an upload is a new version of (same format, same language), or a new one placed after the others.</summary>
    public static (Guid Galley, int Order) GalleyFor(IReadOnlyList<Galley> galleys, GalleyFormat format, string language) =>
        galleys.FirstOrDefault(g => g.Format == format && g.Language == language) is { } existing
            ? (existing.Id, existing.Order)
            : (Guid.CreateVersion7(), galleys.Count + 1);

    public const string Language = "en";

    /// <summary>Production tasks are given a week, as the production page offers.</summary>
    public static readonly TimeSpan Allowed = TimeSpan.FromDays(7);

    public static ProductionSighting Sighting(ProductionStep step, IEnumerable<Galley> galleys, IEnumerable<FieldError> missing, IEnumerable<string> history) =>
        new(step.Describe(), [.. galleys.OrderBy(g => g.Order).Select(g => (g.Label, g.Locked))], [.. missing.Select(m => m.Field)], [.. history]);
}
