using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.CatchingUp;
using Marten;

namespace EditorialPortal.Integrity.Backtesting;

/// <summary>What one detector would have raised over the record as it stood at the moment, and how much of it is a signal today.</summary>
public sealed record DetectorRun(IDetector Detector, IReadOnlyList<Finding> Findings, int RaisedSince);

/// <summary>
/// Backtesting: any detector run over the record as it stood at a past moment ("what would it have flagged on 1 March"),
/// folded from the facts this application kept up to then, so that detectors can be compared side by side and a new
/// one tried on the past before it is trusted with the present. Nothing it finds is raised.
/// </summary>
public sealed class Backtest(IDocumentStore store, CatchUp record)
{
    public async Task<IReadOnlyList<DetectorRun>> Run(DateTimeOffset moment, IReadOnlyList<string> detectors, CancellationToken token = default)
    {
        var view = new RecordView();
        await using var session = store.QuerySession();
        await foreach (var fact in session.Query<MirroredFact>().Where(f => f.At <= moment).OrderBy(f => f.Id).ToAsyncEnumerable(token)) view.Apply(fact);
        var people = record.People.Values.Where(p => p.RegisteredAt <= moment).ToDictionary(p => p.Id);
        var runs = new List<DetectorRun>();
        foreach (var detector in detectors.Select(Detectors.Named).OfType<IDetector>())
        {
            var findings = detector.Detect(view, people).DistinctBy(f => f.Key).OrderByDescending(f => f.Severity).ToList();
            var ids = findings.Select(f => Signals.Signal.IdOf(f.Key)).ToArray();
            var raised = await session.Query<Signals.Signal>().Where(s => s.Id.IsOneOf(ids)).CountAsync(token);
            runs.Add(new DetectorRun(detector, findings, raised));
        }
        return runs;
    }
}
