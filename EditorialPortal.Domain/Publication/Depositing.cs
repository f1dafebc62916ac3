using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Publication;

/// <summary>What Crossref answered a deposit: registered (perhaps with warnings), refused with its message, or not reached at all.</summary>
public enum DepositResult
{
    /// <summary>Crossref took the batch in and will register it; its result comes later, by its own report.</summary>
    Submitted,
    Registered,
    RegisteredWithWarnings,
    Failed,
    Unreachable
}

public enum DepositStatus
{
    /// <summary>Waiting to go, or to go again after Crossref could not be reached.</summary>
    Queued,
    Submitted,
    Registered,
    RegisteredWithWarnings,
    Failed
}

/// <summary>One deposit of the article's DOI, or of one of its notices', and what became of it: the per-DOI log production editors read.</summary>
public sealed record DoiDeposit(string Batch, long Timestamp, DateTimeOffset QueuedAt)
{
    /// <summary>The DOI deposited: the article's, or a notice's.</summary>
    public string? Doi { get; init; }

    public DepositStatus Status { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public string? Message { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
}

/// <summary>The article's DOI is to be deposited with Crossref, as the batch named, with this timestamp.</summary>
public sealed record DepositQueued(Guid Article, string Doi, string Batch, long Timestamp, Guid By, DateTimeOffset At) : IPublicationFact;

public sealed record DepositAnswered(Guid Article, string Batch, DepositResult Result, string Message, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>The portal records what Crossref answered the deposit it sent.</summary>
public sealed record RecordDepositAnswer(string Batch, DepositResult Result, string Message) : PublicationCommand;

/// <summary>Crossref's later report on a deposit it took in: registered, registered with warnings, or refused.</summary>
public sealed record DepositReported(Guid Article, string Batch, DepositResult Result, string Message, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>The portal records the report Crossref gave, once it processed a deposit it had only taken in.</summary>
public sealed record RecordDepositReport(string Batch, DepositResult Result, string Message) : PublicationCommand;

/// <summary>A production editor deposits the DOI again, after Crossref refused the last deposit.</summary>
public sealed record DepositAgain : PublicationCommand;

/// <summary>
/// Depositing: a published article's DOI goes to Crossref from a queue, so a Crossref that fails never blocks
/// publishing and never loses a deposit. Each attempt and answer is a fact; an unreachable Crossref is tried again later,
/// a refusal waits for the production editor.
/// </summary>
public static class Depositing
{
    /// <summary>How long after each failed attempt to reach Crossref the next is made.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    /// <summary>How long after Crossref took a deposit in its report is first asked for: it processes batches in minutes to hours.</summary>
    public static readonly TimeSpan ReportWait = TimeSpan.FromMinutes(5);

    internal static void Register(PublicationUseCases cases) => cases
        .Command<RecordDepositAnswer>(new(Who.ThePortal, "record Crossref's answer", "the portal records what Crossref answered, itself"), Answer)
        .Command<RecordDepositReport>(new(Who.ThePortal, "record Crossref's report", "the portal records what Crossref reported, itself"), Report)
        .Command<DepositAgain>(new(Who.ProductionEditor, "deposit the DOI again", "only the journal's production editors deposit its DOIs"), Again)
        .Fact<DepositQueued>((a, f) => a with { Deposits = [.. a.Deposits, new DoiDeposit(f.Batch, f.Timestamp, f.At) { Doi = f.Doi, NextAttemptAt = f.At }] },
            (f, _) => $"queued the deposit of {f.Doi} with Crossref (batch {f.Batch})", (_, _) => Notice.NoOne)
        .Fact<DepositAnswered>((a, f) => a with { Deposits = [.. a.Deposits.Select(d => d.Batch == f.Batch ? Answered(d, f) : d)] },
            (f, _) => f.Result switch
            {
                DepositResult.Submitted => $"Crossref received the deposit (batch {f.Batch}) and will report its registration",
                DepositResult.Registered => $"Crossref registered the DOI (batch {f.Batch})",
                DepositResult.RegisteredWithWarnings => $"Crossref registered the DOI with warnings (batch {f.Batch}): {f.Message}",
                DepositResult.Failed => $"Crossref refused the deposit (batch {f.Batch}): {f.Message}",
                _ => $"Crossref could not be reached (batch {f.Batch}): {f.Message}; the deposit is tried again"
            },
            (f, n) => f.Result == DepositResult.Failed ? RefusalTold(n.Journal, f.Message) : Notice.NoOne)
        .Fact<DepositReported>((a, f) => a with { Deposits = [.. a.Deposits.Select(d => d.Batch == f.Batch ? d with { Status = StatusOf(f.Result), Message = f.Message, AnsweredAt = f.At } : d)] },
            (f, _) => f.Result switch
            {
                DepositResult.Registered => $"Crossref reported the DOI registered (batch {f.Batch})",
                DepositResult.RegisteredWithWarnings => $"Crossref reported the DOI registered with warnings (batch {f.Batch}): {f.Message}",
                _ => $"Crossref reported the deposit refused (batch {f.Batch}): {f.Message}"
            },
            (f, n) => f.Result == DepositResult.Failed ? RefusalTold(n.Journal, f.Message) : Notice.NoOne);

    private static IEnumerable<Notice> RefusalTold(Journals.Journal journal, string message) =>
        journal.Staff.Where(s => s.Role == Journals.JournalRole.ProductionEditor).Select(s => new Notice(s.Account, NoticeKind.DepositFailed,
            new Dictionary<string, string> { ["reason"] = message }));

    private static DepositStatus StatusOf(DepositResult result) => result switch
    {
        DepositResult.Submitted => DepositStatus.Submitted,
        DepositResult.Registered => DepositStatus.Registered,
        DepositResult.RegisteredWithWarnings => DepositStatus.RegisteredWithWarnings,
        _ => DepositStatus.Failed
    };

    private static DoiDeposit Answered(DoiDeposit d, DepositAnswered f) => f.Result == DepositResult.Unreachable
        ? d with { Attempts = d.Attempts + 1, Message = f.Message, NextAttemptAt = f.At + Backoff[Math.Min(d.Attempts, Backoff.Count - 1)] }
        : d with { Attempts = d.Attempts + 1, Message = f.Message, AnsweredAt = f.At, Status = StatusOf(f.Result) };

    /// <summary>The deposit that publishing the article, or a notice about it, queues: its batch numbered after the earlier ones, its timestamp later than theirs.</summary>
    internal static DepositQueued Queue(PublishedArticle a, string doi, Actor by, DateTimeOffset at)
    {
        var stamp = long.Parse(at.UtcDateTime.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var timestamp = Math.Max(stamp, (a.Deposits.LastOrDefault()?.Timestamp ?? 0) + 1);
        return new DepositQueued(a.Id, doi, $"{a.Id:N}-{a.Deposits.Count + 1}", timestamp, by.Account, at);
    }

    private static Decision Answer(RecordDepositAnswer c, PublishedArticle a, PublicationDeciding d) =>
        a.Deposits.FirstOrDefault(x => x.Batch == c.Batch) is not { Status: DepositStatus.Queued }
            ? Decision.NothingToRecord
            : Decision.Record(new DepositAnswered(a.Id, c.Batch, c.Result, c.Message.Trim(), d.Actor.Account, d.Now));

    // Only a deposit taken in waits for a report, and a report says how it ended.
    private static Decision Report(RecordDepositReport c, PublishedArticle a, PublicationDeciding d) =>
        c.Result is not (DepositResult.Registered or DepositResult.RegisteredWithWarnings or DepositResult.Failed)
            ? new Refusal.Invalid("result", "A report says the DOI was registered, registered with warnings, or refused.")
            : a.Deposits.FirstOrDefault(x => x.Batch == c.Batch) is not { Status: DepositStatus.Submitted }
                ? Decision.NothingToRecord
                : Decision.Record(new DepositReported(a.Id, c.Batch, c.Result, c.Message.Trim(), d.Actor.Account, d.Now));

    private static Decision Again(DepositAgain c, PublishedArticle a, PublicationDeciding d) =>
        // A taken-down article's DOI stays registered, leading to its tombstone.
        a is not { Status: PublicationStatus.Published or PublicationStatus.Unpublished, Doi: { } doi }
            ? new Refusal.NotAllowedInState("deposit the DOI again", "not published", "a DOI is deposited once its article is published", Of: "the article")
            : a.Deposits.LastOrDefault()?.Status == DepositStatus.Queued ? Decision.NothingToRecord
            : Decision.Record(Queue(a, a.Deposits.LastOrDefault()?.Doi ?? doi, d.Actor, d.Now));
}
