using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Publication;

namespace EditorialPortal.Publication;

/// <summary>
/// Publishes the scheduled articles whose time has come, each by a command the portal gives. The same article in two
/// passes, or on two nodes, is one command, recorded once.
/// </summary>
public sealed class PublishingRound(IPublicationQueries publications, IEditorialDesk desk, ILogger<PublishingRound> logger)
{
    // The command is named by the article alone: once it is recorded, a repeat is the same command.
    private static readonly Guid PublishingNamespace = Guid.Parse("5d0e7c3b-98a1-4f62-b4d7-0e2a6c91f3b8");

    /// <summary>Answers how many articles it published.</summary>
    public async Task<int> Run(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var published = 0;
        foreach (var article in await publications.DueForPublication(now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await desk.Execute(article, new PublishDueArticle(), Actor.System, new CommandOptions(DeterministicGuid.From(article, PublishingNamespace)));
            if (outcome is CommandOutcome.Accepted { Repeated: false, Facts.Count: > 0 }) published++;
            else if (outcome is CommandOutcome.Refused refused) logger.LogWarning("Article {Article} was due but not published: {Refusal}", article, refused.Refusal.Message);
        }
        if (published > 0) logger.LogInformation("Published {Count} scheduled articles", published);
        return published;
    }
}

/// <summary>
/// Runs the publishing round, then the issues' round, then the Crossref deposits due, then the search's indexing, every
/// <c>Publication:IntervalSeconds</c> (60 by default) of the portal's clock.
/// </summary>
public sealed class PublishingService(PublishingRound round, IssuePublishingRound issues, DepositingRound deposits, Reader.SearchIndexingRound search, TimeProvider clock, IConfiguration configuration,
    ILogger<PublishingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Publication:IntervalSeconds", 60.0)), clock);
        do
        {
            try
            {
                await round.Run(clock.GetUtcNow(), stoppingToken);
                await issues.Run(clock.GetUtcNow(), stoppingToken);
                await deposits.Run(clock.GetUtcNow(), stoppingToken);
                await search.Run(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The publishing round failed; it runs again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }
}
