using System.Collections.Concurrent;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Tests.Direct;

/// <summary>Mail for the direct actor: kept in memory, to be read back by the person it was sent to.</summary>
public sealed class InMemoryPostOffice : IPostOffice
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();

    public IReadOnlyCollection<OutgoingMail> Sent => _sent;

    public Task Send(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(mail);
        return Task.CompletedTask;
    }
}
