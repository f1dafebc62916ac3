using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Notifications;

/// <summary>A fact of one email's stream: queued, sent or failed.</summary>
public interface IMailFact : IHistoricalFact;

/// <summary>An email the portal has undertaken to send, recorded with the facts that caused it.</summary>
/// <param name="InvitationToAnswer">The invitation whose answer link the mail carries; the link is made when the mail leaves.</param>
/// <param name="LinkWorksUntil">When the mail's link stops working at the latest, whatever becomes of what it answers.</param>
/// <param name="LinkRequest">The confirmation or reset request whose link the mail carries; the link is made when the mail leaves.</param>
public sealed record MailQueued(Guid Message, NoticeKind Kind, Guid Recipient, string ToAddress, string ToName, string Subject, string Body,
    Guid? Journal, Guid? Submission, Guid? InvitationToAnswer, Guid By, DateTimeOffset At, DateTimeOffset? LinkWorksUntil = null, Guid? LinkRequest = null) : IMailFact
{
    /// <summary>The id of the <paramref name="index"/>th mail a command queues: the same whenever the command is decided again.</summary>
    public static Guid IdFor(Guid commandId, int index) => DeterministicGuid.From(commandId, new Guid(index, 0, 0, new byte[8]));
}

public sealed record MailSent(Guid Message, int Attempt, Guid By, DateTimeOffset At) : IMailFact;

/// <param name="NextAttemptAt">When to try again; null when the portal has given up.</param>
public sealed record MailSendFailed(Guid Message, int Attempt, string Error, DateTimeOffset? NextAttemptAt, Guid By, DateTimeOffset At) : IMailFact;

public enum DeliveryStatus
{
    Queued,
    Sent,
    Retrying,
    GaveUp
}

/// <summary>One email's journey out of the portal, folded from its facts.</summary>
public sealed record OutgoingMessage(Guid Id, NoticeKind Kind, Guid Recipient, string ToAddress, string ToName, string Subject, string Body,
    Guid? Journal, Guid? Submission, Guid? InvitationToAnswer, DateTimeOffset QueuedAt) : IVersioned
{
    public long Version { get; init; }
    public DeliveryStatus Status { get; init; }
    public int Attempts { get; init; }

    /// <summary>When the mail is next to be tried; null once it is sent or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public string? LastError { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the link the mail carries stops working, at the latest.</summary>
    public DateTimeOffset? LinkWorksUntil { get; init; }

    /// <summary>The confirmation or reset request whose link the mail carries.</summary>
    public Guid? LinkRequest { get; init; }

    /// <summary>Retried with growing pauses; after the last, the journal's administrators see it as undelivered.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(8)];

    /// <summary>The fact that records one attempt to send: sent, or failed with when to try again.</summary>
    public object Attempted(string? error, DateTimeOffset now)
    {
        var attempt = Attempts + 1;
        if (error is null) return new MailSent(Id, attempt, Actor.System.Account, now);
        DateTimeOffset? next = attempt <= Backoff.Count ? now + Backoff[attempt - 1] : null;
        return new MailSendFailed(Id, attempt, error.Length > 500 ? error[..500] : error, next, Actor.System.Account, now);
    }

    public static OutgoingMessage? Fold(OutgoingMessage? state, object fact) => (state, fact) switch
    {
        (null, MailQueued f) => new OutgoingMessage(f.Message, f.Kind, f.Recipient, f.ToAddress, f.ToName, f.Subject, f.Body, f.Journal, f.Submission,
            f.InvitationToAnswer, f.At) { NextAttemptAt = f.At, LinkWorksUntil = f.LinkWorksUntil, LinkRequest = f.LinkRequest },
        ({ } m, MailSent f) => m with { Status = DeliveryStatus.Sent, Attempts = f.Attempt, SentAt = f.At, NextAttemptAt = null, LastError = null },
        ({ } m, MailSendFailed f) => m with
        {
            Status = f.NextAttemptAt is null ? DeliveryStatus.GaveUp : DeliveryStatus.Retrying,
            Attempts = f.Attempt,
            NextAttemptAt = f.NextAttemptAt,
            LastError = f.Error
        },
        _ => state
    };

    public static readonly IReadOnlyList<Type> FactTypes = FactKinds.Of<IMailFact>();
}

/// <summary>The outbox as the mail dispatcher and the journal administrators see it.</summary>
public interface IOutbox
{
    /// <summary>Messages whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<OutgoingMessage>> Due(DateTimeOffset now, int max);

    /// <summary>Records the outcome of an attempt; false if another dispatcher recorded one first.</summary>
    Task<bool> Record(OutgoingMessage message, object attempted);

    /// <summary>A journal's mail, newest first, for its administrators; null for anyone else.</summary>
    Task<Page<OutgoingMessage>?> OfJournal(Guid journal, Actor actor, bool undeliveredOnly, int page, int size);
}
