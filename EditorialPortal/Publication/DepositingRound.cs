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
                new CommandOptions(DeterministicGuid.From(DeterministicGuid.From(article.Id, AnswersNamespace), new Guid(deposit.Attempts, 0, 0, new byte[8]))));
            sent++;
            if (result != DepositResult.Registered) logger.LogWarning("Deposit {Batch} of {Doi}: {Result} {Message}", deposit.Batch, article.Doi, result, message);
        }
        return sent;
    }
}
