using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Production;

namespace EditorialPortal.Production;

/// <summary>
/// Begins the production of manuscripts accepted before production was part of the portal, when the portal starts:
/// acceptance begins production itself from then on. Each one is a command with an id of its own, recorded once.
/// </summary>
public sealed class ProductionBackfill(IProductionQueries productions, IEditorialDesk desk, ILogger<ProductionBackfill> logger)
{
    private const int Batch = 200;

    public async Task<int> Run()
    {
        var begun = 0;
        IReadOnlyList<(Guid Submission, Guid Journal)> waiting;
        do
        {
            waiting = await productions.AcceptedWithoutProduction(Batch);
            var progress = 0;
            foreach (var (submission, journal) in waiting)
            {
                var outcome = await desk.Execute(ArticleProduction.StreamOf(submission), new BeginProduction(submission, journal), Actor.System,
                    new CommandOptions(DeterministicGuid.From(submission, ArticleProduction.StreamOf(submission))));
                if (outcome is CommandOutcome.Accepted { Facts.Count: > 0 }) progress++;
                else if (outcome is CommandOutcome.Refused refused) logger.LogWarning("Could not begin the production of {Submission}: {Reason}", submission, refused.Refusal.Message);
            }
            begun += progress;
            // A batch in which nothing could begin would come back the same: stop rather than go round.
            if (progress == 0) break;
        } while (waiting.Count == Batch);
        if (begun > 0) logger.LogInformation("Manuscripts accepted earlier whose production began now: {Count}", begun);
        return begun;
    }
}
