using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Notifications;

/// <summary>
/// Sends what the outbox holds that is due, and records each attempt's outcome as a fact: sent, or failed with the
/// time of the next try. One dispatch at a time in this process; across instances a mail may at worst go twice, never not at all.
/// </summary>
public sealed class MailDispatcher(IOutbox outbox, IPostOffice post, InvitationLinks invitations, People.AccountLinks accounts, TimeProvider clock, ILogger<MailDispatcher> logger)
{
    private const int Batch = 50;
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Sends everything due now; answers how many mails left.</summary>
    public async Task<int> DispatchDue(CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            IReadOnlyList<OutgoingMessage> due;
            do
            {
                due = await outbox.Due(clock.GetUtcNow(), Batch);
                foreach (var message in due)
                {
                    var error = await TrySend(message, cancellationToken);
                    await outbox.Record(message, message.Attempted(error, clock.GetUtcNow()));
                    if (error is null) sent++;
                }
            } while (due.Count == Batch);
            return sent;
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<string?> TrySend(OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await post.Send(Render(message), cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Mail {Message} \"{Subject}\" to {To} could not be sent (attempt {Attempt})", message.Id, message.Subject, message.ToAddress, message.Attempts + 1);
            return e.Message;
        }
    }

    // The links that let someone in are made only now, so that the record never holds them.
    private OutgoingMail Render(OutgoingMessage m) => new(m.ToAddress, m.ToName, m.Subject, m switch
    {
        { InvitationToAnswer: { } invitation, Submission: { } submission } =>
            m.Body.Replace(MailTemplate.InvitationLink, invitations.LinkFor(submission, invitation, m.LinkWorksUntil)),
        { LinkRequest: { } request, LinkWorksUntil: { } until } when accounts.LinkFor(m.Kind, m.Recipient, request, until) is { } link =>
            m.Body.Replace(Domain.People.AccountNotices.Link, link),
        _ => m.Body
    });
}
