using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using JasperFx.Events;
using Marten;
using JasperFx;
using Marten.Exceptions;

namespace EditorialPortal.Records;

/// <summary>The outbox on Marten: each mail a stream of its own, its current state a document the dispatcher queries.</summary>
public sealed class MartenOutbox(IDocumentStore store) : IOutbox
{
    public async Task<IReadOnlyList<OutgoingMessage>> Due(DateTimeOffset now, int max)
    {
        await using var session = store.QuerySession();
        return await session.Query<OutgoingMessage>()
            .Where(m => m.NextAttemptAt != null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(max).ToListAsync();
    }

    public async Task<bool> Record(OutgoingMessage message, object attempted)
    {
        await using var session = store.LightweightSession();
        try
        {
            var writing = await session.Events.FetchForWriting<OutgoingMessage>(message.Id, message.Version);
            writing.AppendOne(attempted);
            await session.SaveChangesAsync();
            return true;
        }
        catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            return false;
        }
    }

    public async Task<Page<OutgoingMessage>?> OfJournal(Guid journal, Actor actor, bool undeliveredOnly, int page, int size)
    {
        await using var session = store.QuerySession();
        var state = await session.LoadAsync<Journal>(journal);
        var account = await session.LoadAsync<Account>(actor.Account);
        if (state is null || !(state.Grants(actor.Account, JournalRole.JournalAdministrator) || account?.IsSystemAdministrator == true)) return null;
        var query = session.Query<OutgoingMessage>().Where(m => m.Journal == journal);
        // An administrator who wrote one of the journal's manuscripts reads only the mail of it that was sent to them.
        var email = EmailAddress.Normalise(actor.Email);
        var own = await session.Query<Submission>()
            .Where(s => s.Journal == journal && (s.SubmittingAuthor == actor.Account || s.Authors.Any(a => a.Email == email))).Select(s => s.Id).ToListAsync();
        if (own.Count > 0)
        {
            var withheld = own.Select(id => (Guid?)id).ToArray();
            query = query.Where(m => m.Recipient == actor.Account || m.Submission == null || !m.Submission.IsOneOf(withheld));
        }
        if (undeliveredOnly) query = query.Where(m => m.Status == DeliveryStatus.Retrying || m.Status == DeliveryStatus.GaveUp);
        page = Math.Max(page, 1);
        var total = await query.CountAsync();
        var items = await query.OrderByDescending(m => m.QueuedAt).Skip((page - 1) * size).Take(size).ToListAsync();
        return new Page<OutgoingMessage>(items, total, page, size);
    }
}
