using System.Diagnostics;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.History;
using EditorialPortal.Notifications;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;

namespace EditorialPortal.Records;

/// <summary>
/// The editorial desk on Marten: one lightweight session per command, the stream fetched for writing at its version,
/// the pure decider, and one commit for the facts, the inline current state and the idempotency record.
/// </summary>
/// <param name="composesMail">False only for a generated past, whose people were never told anything.</param>
public sealed class MartenEditorialDesk(IDocumentStore store, TimeProvider clock, PortalLinks links, OutboxSignal outbox, ILogger<MartenEditorialDesk> logger,
    bool composesMail = true)
    : IEditorialDesk
{
    public Task<CommandOutcome> Execute(Guid submission, SubmissionCommand command, Actor actor, CommandOptions? options = null)
    {
        Journal? journal = null;
        return Run<Submission>(submission, command, actor, options, async (session, state, now) =>
        {
            var journalId = command is StartSubmission start ? start.Journal : state?.Journal;
            journal = journalId is { } id ? await session.LoadAsync<Journal>(id) : null;
            var subject = command switch
            {
                AssignHandlingEditor assign => await session.LoadAsync<Account>(assign.Editor),
                InviteReviewer invite => await session.LoadAsync<Account>(invite.Reviewer),
                _ => null
            };
            var coauthors = command is InviteReviewer && state is not null ? await CoauthorsElsewhere(session, state) : null;
            var reviewerNames = command is RecordDecision or ConfirmDecision && state is not null
                ? (await session.LoadManyAsync<Account>(state.Assignments.Select(a => a.Reviewer).Distinct())).ToDictionary(a => a.Id, a => a.Name)
                : null;
            return SubmissionDecider.Decide(submission, command, state, journal, actor, now, subject, coauthors, reviewerNames);
        }, async (session, before, facts, commandId) => journal is null || !composesMail ? [] : await MailFor(session, commandId, facts, before, journal),
        state => SubmissionNarrative.RoleOf(actor.Account, state, journal));
    }

    // The mail the facts call for, recorded in the same transaction, so that nothing decided goes untold and nothing untold is sent.
    private async Task<IReadOnlyList<MailQueued>> MailFor(IQuerySession session, Guid commandId, IReadOnlyList<object> facts, Submission? before, Journal journal)
    {
        var needed = Notices.PeopleNeeded(facts, before, journal);
        if (needed.Count == 0) return [];
        var people = (await session.LoadManyAsync<Account>(needed)).ToDictionary(a => a.Id);
        return Notices.Compose(commandId, facts, before, journal, people.GetValueOrDefault, links.To);
    }

    public Task<CommandOutcome> Execute(Guid journal, JournalCommand command, Actor actor, CommandOptions? options = null) =>
        Run<Journal>(journal, command, actor, options, async (session, state, now) =>
        {
            var grantee = command is GrantJournalRole grant && await session.LoadAsync<Account>(grant.Account) is not null;
            return JournalDecider.Decide(journal, command, state, await IsSystemAdministrator(session, actor), grantee, actor, now);
        }, roleOf: state => state?.RolesOf(actor.Account).Order().Select(r => r.Describe().ToLowerInvariant()).FirstOrDefault() ?? (actor.IsSystem ? "the portal" : "system administrator"));

    public Task<CommandOutcome> Execute(Guid account, AccountCommand command, Actor actor, CommandOptions? options = null) =>
        Run<Account>(account, command, actor, options, async (session, state, now) =>
        {
            var emailTaken = command is RegisterAccount register
                && await session.Query<Account>().AnyAsync(a => a.Email == EmailAddress.Normalise(register.Email) && a.Id != account);
            return AccountDecider.Decide(account, command, state, emailTaken, await IsSystemAdministrator(session, actor), actor, now);
        }, roleOf: _ => actor.Account == account || actor.IsAnonymous ? "account holder" : actor.IsSystem ? "the portal" : "system administrator");

    // People who wrote other manuscripts here with this one's authors: candidates a reviewer invitation should warn about.
    // One containment test per author, so that the GIN index on the authors answers rather than a scan of every manuscript.
    private static async Task<IReadOnlySet<string>> CoauthorsElsewhere(IQuerySession session, Submission submission)
    {
        var authors = submission.Authors.Select(a => a.Email).ToArray();
        if (authors.Length == 0) return new HashSet<string>();
        var containsAuthor = string.Join(" or ", authors.Select(_ => "data -> 'Authors' @> ?::jsonb"));
        var emails = await session.AdvancedSql.QueryAsync<string>(
            $"select jsonb_path_query_array(data, '$.Authors[*].Email')::text from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_doc_submission " +
            $"where id != ? and ({containsAuthor}) limit 1000",
            CancellationToken.None, [submission.Id, .. authors.Select(email => (object)JsonSerializer.Serialize(new[] { new { Email = email } }))]);
        return emails.SelectMany(list => JsonSerializer.Deserialize<string[]>(list) ?? []).Except(authors).ToHashSet();
    }

    // Read from the account as it stands, so that authority withdrawn counts from the very next command.
    private static async Task<bool> IsSystemAdministrator(IQuerySession session, Actor actor) =>
        actor.IsPerson && (await session.LoadAsync<Account>(actor.Account))?.IsSystemAdministrator == true;

    private async Task<CommandOutcome> Run<TState>(Guid stream, object command, Actor actor, CommandOptions? options,
        Func<IDocumentSession, TState?, DateTimeOffset, Task<Decision>> decide, Announce<TState>? announce = null, Func<TState?, string>? roleOf = null) where TState : class
    {
        options ??= CommandOptions.New();
        var started = Stopwatch.GetTimestamp();
        var outcome = await Attempt(stream, command, actor, options, decide, announce, roleOf);
        logger.LogInformation("Command {Command} on {Stream} by {Actor} ({Account}): {Outcome} in {Elapsed:0.0} ms",
            command.GetType().Name, stream, actor.Name, actor.Account, Describe(outcome), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return outcome;
    }

    /// <summary>The mail to record with a command's facts.</summary>
    private delegate Task<IReadOnlyList<MailQueued>> Announce<in TState>(IQuerySession session, TState? before, IReadOnlyList<object> facts, Guid commandId);

    private async Task<CommandOutcome> Attempt<TState>(Guid stream, object command, Actor actor, CommandOptions options,
        Func<IDocumentSession, TState?, DateTimeOffset, Task<Decision>> decide, Announce<TState>? announce, Func<TState?, string>? roleOf) where TState : class
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ProcessedCommand>(options.CommandId) is { } done) return Repeated(done);

        try
        {
            var writing = options.ExpectedVersion is { } expected
                ? await session.Events.FetchForWriting<TState>(stream, expected)
                : await session.Events.FetchForWriting<TState>(stream);
            // The person decided on the version they saw: if it has moved since, they hear so, not a verdict on a state they never saw.
            // The stream's version and its document are read by two statements, which another commit can fall between, so
            // the document's own version counts too.
            var current = Math.Max(writing.CurrentVersion ?? 0, (writing.Aggregate as IVersioned)?.Version ?? 0);
            if (options.ExpectedVersion is { } seen && current != seen)
                return new CommandOutcome.Refused(new Refusal.ConcurrentChange(seen, current));
            // A stream with facts but no state of this kind belongs to another kind of thing: an id is never shared.
            if (writing.Aggregate is null && writing.CurrentVersion > 0)
                return new CommandOutcome.Refused(new Refusal.Invalid("id", "This id already names something else."));
            var decision = await decide(session, writing.Aggregate, clock.GetUtcNow());
            if (decision.Refusal is { } refusal) return new CommandOutcome.Refused(refusal);
            if (decision.Facts.Count == 0)
            {
                // Nothing to record may mean a twin of this command committed a moment ago: then answer its outcome.
                await using var check = store.QuerySession();
                return await check.LoadAsync<ProcessedCommand>(options.CommandId) is { } twin
                    ? Repeated(twin)
                    : new CommandOutcome.Accepted(stream, writing.CurrentVersion ?? 0, []);
            }

            session.CorrelationId = options.CorrelationId ?? Activity.Current?.TraceId.ToString() ?? options.CommandId.ToString();
            session.CausationId = options.CommandId.ToString();
            session.LastModifiedBy = actor.Account.ToString();
            session.SetHeader(FactHeaders.ActorName, actor.Name);
            if (roleOf?.Invoke(writing.Aggregate) is { } role) session.SetHeader(FactHeaders.ActorRole, role);
            var version = (writing.CurrentVersion ?? 0) + decision.Facts.Count;
            writing.AppendMany(decision.Facts.ToArray());
            var mail = announce is null ? [] : await announce(session, writing.Aggregate, decision.Facts, options.CommandId);
            foreach (var queued in mail) session.Events.StartStream<OutgoingMessage>(queued.Message, queued);
            session.Insert(new ProcessedCommand(options.CommandId, stream, version, [.. decision.Facts.Select(f => f.GetType().Name)], clock.GetUtcNow()));
            await session.SaveChangesAsync();
            if (mail.Count > 0) outbox.Wake();
            return new CommandOutcome.Accepted(stream, version, decision.Facts);
        }
        catch (Exception e) when (IsConcurrencyConflict(e))
        {
            // The same command may have won on another connection: then its first outcome is the answer.
            await using var check = store.QuerySession();
            if (await check.LoadAsync<ProcessedCommand>(options.CommandId) is { } winner) return Repeated(winner);
            var actual = (await check.Events.FetchStreamStateAsync(stream))?.Version ?? 0;
            return new CommandOutcome.Refused(new Refusal.ConcurrentChange(options.ExpectedVersion ?? -1, actual));
        }
    }

    private static CommandOutcome Repeated(ProcessedCommand done) => new CommandOutcome.Accepted(done.Stream, done.Version, [], Repeated: true);

    private static bool IsConcurrencyConflict(Exception e) => e is ConcurrencyException
        or EventStreamUnexpectedMaxEventIdException
        or JasperFx.Events.ExistingStreamIdCollisionException
        or Marten.Exceptions.ExistingStreamIdCollisionException
        or DocumentAlreadyExistsException;

    private static string Describe(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Accepted { Repeated: true } => "repeated",
        CommandOutcome.Accepted a => $"accepted ({a.Facts.Count} facts, version {a.Version})",
        CommandOutcome.Refused r => $"refused ({r.Refusal.Kind})",
        _ => outcome.ToString()
    };
}
