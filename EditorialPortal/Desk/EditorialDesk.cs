using System.Diagnostics;
using EditorialPortal.Domain.Common;
using EditorialPortal.Notifications;
using EditorialPortal.Records;

namespace EditorialPortal.Desk;

/// <summary>
/// The editorial desk: one pipeline for every kind of stream and every store. Idempotency by command id, the version
/// the person saw, the guard against an id of another kind, the pure decision in its context, mail in the same commit,
/// and a line in the log, the same on PostgreSQL and in memory.
/// </summary>
/// <param name="composesMail">False only for a generated past, whose people were never told anything.</param>
public class EditorialDesk(IFactStore store, TimeProvider clock, PortalLinks links, OutboxSignal outbox, ILogger logger, bool composesMail = true)
    : IEditorialDesk, IDeskPipeline
{
    public async Task<CommandOutcome> Execute(Guid stream, Command command, Actor actor, CommandOptions? options = null)
    {
        options ??= CommandOptions.New();
        var started = Stopwatch.GetTimestamp();
        var outcome = await StreamKinds.Of(command).RunOn(this, stream, command, actor, options);
        logger.LogInformation("Command {Command} on {Stream} by {Actor} ({Account}): {Outcome} in {Elapsed:0.0} ms",
            command.GetType().Name, stream, actor.Name, actor.Account, Describe(outcome), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return outcome;
    }

    public async Task<CommandOutcome> Run<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, TCommand command, Actor actor, CommandOptions options)
        where TState : class, IVersioned where TCommand : Command
    {
        await using var session = await store.Begin();
        if (await session.Processed(options.CommandId) is { } done) return Repeated(done);
        try
        {
            var fetched = await session.Fetch(kind, stream, options.ExpectedVersion);
            // The person decided on the version they saw: if it has moved since, they hear so, not a verdict on a state they never saw.
            if (options.ExpectedVersion is { } seen && fetched.Version != seen)
                return new CommandOutcome.Refused(new Refusal.ConcurrentChange(seen, fetched.Version));
            // A stream with facts but no state of this kind belongs to another kind of thing: an id is never shared.
            if (fetched.OfAnotherKind) return new CommandOutcome.Refused(new Refusal.Invalid("id", "This id already names something else."));

            var context = await session.Load(stream, kind.Needs(stream, command, fetched.State, actor), clock.GetUtcNow());
            var decision = kind.Decide(stream, command, fetched.State, actor, context);
            if (decision.Refusal is { } refusal) return new CommandOutcome.Refused(refusal);
            if (decision.Facts.Count == 0)
            {
                // Nothing to record may mean a twin of this command committed a moment ago: then answer its outcome.
                await using var check = await store.Begin();
                return await check.Processed(options.CommandId) is { } twin ? Repeated(twin) : new CommandOutcome.Accepted(stream, fetched.Version, []);
            }

            var people = composesMail ? await session.Accounts(kind.PeopleToTell(decision.Facts, fetched.State, context)) : null;
            var mail = people is null ? [] : kind.Announce(options.CommandId, decision.Facts, fetched.State, context, people.GetValueOrDefault, links.To).ToList();
            // What the facts bring about on other streams (an accepted manuscript's production) is recorded in the same commit.
            var after = decision.Facts.Aggregate(fetched.State, kind.Fold);
            foreach (var followOn in StreamKinds.FollowOns(stream, decision.Facts, after, context))
                mail.AddRange(await followOn.Kind.StageOn(session, followOn, options.CommandId, context, composesMail ? session.Accounts : null, links.To));
            var version = fetched.Version + decision.Facts.Count;
            var metadata = new FactMetadata(options.CorrelationId ?? Activity.Current?.TraceId.ToString() ?? options.CommandId.ToString(), options.CommandId.ToString(),
                actor, kind.RoleOf(stream, fetched.State, actor, context));
            await session.Commit(kind, stream, fetched.Version, decision.Facts, mail,
                new ProcessedCommand(options.CommandId, stream, version, [.. decision.Facts.Select(f => f.GetType().Name)], clock.GetUtcNow()), metadata);
            if (mail.Count > 0) outbox.Wake();
            return new CommandOutcome.Accepted(stream, version, decision.Facts);
        }
        catch (StreamConflict)
        {
            // The same command may have won on another connection: then its first outcome is the answer.
            await using var check = await store.Begin();
            if (await check.Processed(options.CommandId) is { } winner) return Repeated(winner);
            return new CommandOutcome.Refused(new Refusal.ConcurrentChange(options.ExpectedVersion ?? -1, await check.VersionOf(stream)));
        }
    }

    private static CommandOutcome Repeated(ProcessedCommand done) => new CommandOutcome.Accepted(done.Stream, done.Version, [], Repeated: true);

    private static string Describe(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Accepted { Repeated: true } => "repeated",
        CommandOutcome.Accepted a => $"accepted ({a.Facts.Count} facts, version {a.Version})",
        CommandOutcome.Refused r => $"refused ({r.Refusal.Kind})",
        _ => outcome.ToString()
    };
}
