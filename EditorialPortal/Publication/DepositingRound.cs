using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Notifications;
using EditorialPortal.Publication.Crossref;
using Microsoft.Extensions.Options;

namespace EditorialPortal.Publication;

/// <summary>
/// Sends the deposits that are due to Crossref and records each answer. Without a Crossref account configured, deposits
/// wait in their queue; a deposit that would not meet the schema is recorded as failed with the validator's words, and
/// never sent.
/// </summary>
public sealed class DepositingRound(IPublicationQueries publications, IJournalQueries journals, IEditorialDesk desk, ICrossrefClient crossref,
    IOptions<CrossrefOptions> options, PortalLinks links, ILogger<DepositingRound> logger)
{
    private static readonly Guid AnswersNamespace = Guid.Parse("a3c1f0e2-6b7d-4e58-9f24-8d5b0c7e1a69");
    private static readonly Guid ReportsNamespace = Guid.Parse("5d0b8e47-93a1-4c6f-b2e8-16f4a9c37d02");

    // After a report is asked for and is not ready, the next ask waits longer; kept in memory, so a restart asks once more early.
    private static readonly TimeSpan[] ReportAsks = [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Asks, DateTimeOffset Next)> _asked = new();

    /// <summary>Answers how many deposits it sent.</summary>
    public async Task<int> Run(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!crossref.Configured) return 0;
        var sent = 0;
        foreach (var article in await publications.DepositsDue(now, 50))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (article.Deposits.LastOrDefault(d => d.Status == DepositStatus.Queued) is not { } deposit || await journals.Find(article.Journal) is not { } journal) continue;
            var written = CrossrefDeposit.Of(article, journal, options.Value.Depositor, links.To("/").TrimEnd('/'), deposit);
            var xml = $"{written.Declaration}\n{written.Root}";
            var (result, message) = CrossrefValidation.Problems(xml) is { Count: > 0 } problems
                ? (DepositResult.Failed, "The deposit does not meet the Crossref 5.3.1 schema: " + string.Join(" ", problems))
                : await crossref.Deposit(deposit.Batch, xml, cancellationToken);
            // One answer per attempt: a second pass over the same attempt is the same command.
            await desk.Execute(article.Id, new RecordDepositAnswer(deposit.Batch, result, message), Actor.System,
                new CommandOptions(DeterministicGuid.From(DeterministicGuid.From(article.Id, AnswersNamespace), BatchId(deposit.Batch), new Guid(deposit.Attempts, 0, 0, new byte[8]))));
            sent++;
            if (result != DepositResult.Registered) logger.LogWarning("Deposit {Batch} of {Doi}: {Result} {Message}", deposit.Batch, article.Doi, result, message);
        }
        await AskForReports(now, cancellationToken);
        return sent;
    }

    // Each deposit of an article (its first, after a new version, a notice's) is a batch of its own, so its answers are commands of their own.
    private static Guid BatchId(string batch) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(batch)));

    // Crossref's deposit API mostly takes a batch in and processes it later: its report is asked for until it has one.
    private async Task AskForReports(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var article in await publications.ReportsDue(now, 50))
            foreach (var deposit in article.Deposits.Where(d => d.Status == DepositStatus.Submitted))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_asked.TryGetValue(deposit.Batch, out var asked) && asked.Next > now) continue;
                if (await crossref.Report(deposit.Batch, cancellationToken) is not var (result, message))
                {
                    var asks = asked.Asks + 1;
                    _asked[deposit.Batch] = (asks, now + ReportAsks[Math.Min(asks - 1, ReportAsks.Length - 1)]);
                    continue;
                }
                _asked.TryRemove(deposit.Batch, out _);
                await desk.Execute(article.Id, new RecordDepositReport(deposit.Batch, result, message), Actor.System,
                    new CommandOptions(DeterministicGuid.From(article.Id, ReportsNamespace, BatchId(deposit.Batch))));
                if (result != DepositResult.Registered) logger.LogWarning("Crossref's report on {Batch} of {Doi}: {Result} {Message}", deposit.Batch, article.Doi, result, message);
            }
    }
}
