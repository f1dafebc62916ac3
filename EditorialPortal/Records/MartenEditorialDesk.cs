using System.Text.Json;
using EditorialPortal.Desk;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.History;
using EditorialPortal.Notifications;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;

namespace EditorialPortal.Records;

/// <summary>The editorial desk on PostgreSQL: the one pipeline over Marten's event store and inline projections.</summary>
/// <param name="composesMail">False only for a generated past, whose people were never told anything.</param>
public sealed class MartenEditorialDesk(IDocumentStore store, TimeProvider clock, PortalLinks links, OutboxSignal outbox, ILogger<MartenEditorialDesk> logger,
    bool composesMail = true)
    : EditorialDesk(new MartenFactStore(store), clock, links, outbox, logger, composesMail);

/// <summary>
/// The record on Marten: one lightweight session per command, the stream fetched for writing at its version, and one
/// commit for the facts, the inline current state, the mail and the idempotency record.
/// </summary>
public sealed class MartenFactStore(IDocumentStore store) : IFactStore
{
    public Task<IFactSession> Begin() => Task.FromResult<IFactSession>(new Session(store));

    private sealed class Session(IDocumentStore store) : IFactSession
    {
        private readonly IDocumentSession _session = store.LightweightSession();
        private object? _writing;

        public async Task<ProcessedCommand?> Processed(Guid commandId) => await _session.LoadAsync<ProcessedCommand>(commandId);

        public async Task<FetchedStream<TState>> Fetch<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, long? expectedVersion)
            where TState : class, IVersioned where TCommand : Command
        {
            IEventStream<TState> writing;
            try
            {
                writing = expectedVersion is { } expected
                    ? await _session.Events.FetchForWriting<TState>(stream, expected)
                    : await _session.Events.FetchForWriting<TState>(stream);
            }
            catch (Exception e) when (IsConcurrencyConflict(e))
            {
                throw new StreamConflict(e);
            }
            _writing = writing;
            // The stream's version and its document are read by two statements, which another commit can fall between, so
            // the document's own version counts too.
            var version = Math.Max(writing.CurrentVersion ?? 0, writing.Aggregate?.Version ?? 0);
            return new FetchedStream<TState>(writing.Aggregate, version, writing.Aggregate is null && writing.CurrentVersion > 0);
        }

        public async Task<DecisionContext> Load(Guid stream, ContextNeeds needs, DateTimeOffset now)
        {
            var journal = needs.Journal is { } id ? await _session.LoadAsync<Journal>(id) : null;
            var accounts = await Accounts(needs.Accounts.ToHashSet());
            var coauthors = needs.CoauthorsOf.Count == 0 ? new HashSet<string>() : await CoauthorsElsewhere(stream, needs.CoauthorsOf);
            var emailInUse = needs.EmailInUse is { } email && await _session.Query<Account>().AnyAsync(a => a.Email == EmailAddress.Normalise(email) && a.Id != stream);
            var submission = needs.Submission is { } concerned ? await _session.LoadAsync<Submission>(concerned) : null;
            var doiInUse = needs.DoiInUse is { } doi && (await _session.Query<PublishedArticle>().AnyAsync(a => a.Id != stream && (a.Doi == doi || a.Notices.Any(n => n.Doi == doi)))
                || await _session.Query<JournalIssue>().AnyAsync(i => i.Id != stream && i.Doi == doi));
            var article = needs.Article is { } named ? await _session.LoadAsync<PublishedArticle>(named) : null;
            var issue = needs.Issue is { } numbered ? await _session.LoadAsync<JournalIssue>(numbered) : null;
            // Counted only for a journal that numbers its articles: the count reads the journal's whole archive.
            var articlesNumbered = needs.ArticlesNumberedIn is { } numbering && journal?.Publication.NumbersArticles == true ? await _session.Query<PublishedArticle>().CountAsync(a => a.Journal == numbering && a.ArticleNumber != null) : 0;
            var pathInUse = needs.PathInUse is { } path && await _session.Query<Journal>().AnyAsync(j => j.Publication.Path == path && j.Id != stream);
            return new DecisionContext(journal, accounts, coauthors, emailInUse, now) { Submission = submission, DoiInUse = doiInUse, PathInUse = pathInUse, Article = article, Issue = issue, ArticlesNumbered = articlesNumbered };
        }

        public async Task<IReadOnlyDictionary<Guid, Account>> Accounts(IReadOnlySet<Guid> accounts) =>
            accounts.Count == 0 ? new Dictionary<Guid, Account>() : (await _session.LoadManyAsync<Account>(accounts)).ToDictionary(a => a.Id);

        // People who wrote other manuscripts here with these authors: candidates a reviewer invitation should warn about.
        // One containment test per author, so that the GIN index on the authors answers rather than a scan of every manuscript.
        private async Task<IReadOnlySet<string>> CoauthorsElsewhere(Guid submission, IReadOnlyList<string> authors)
        {
            var containsAuthor = string.Join(" or ", authors.Select(_ => "data -> 'Authors' @> ?::jsonb"));
            var emails = await _session.AdvancedSql.QueryAsync<string>(
                $"select jsonb_path_query_array(data, '$.Authors[*].Email')::text from {_session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_doc_submission " +
                $"where id != ? and ({containsAuthor}) limit 1000",
                CancellationToken.None, [submission, .. authors.Select(email => (object)JsonSerializer.Serialize(new[] { new { Email = email } }))]);
            return emails.SelectMany(list => JsonSerializer.Deserialize<string[]>(list) ?? []).Except(authors).ToHashSet();
        }

        public async Task Commit<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, long after, IReadOnlyList<object> facts,
            IReadOnlyList<MailQueued> mail, ProcessedCommand processed, FactMetadata metadata) where TState : class, IVersioned where TCommand : Command
        {
            var writing = (IEventStream<TState>)(_writing ?? throw new InvalidOperationException("A stream is committed only after it is fetched."));
            _session.CorrelationId = metadata.CorrelationId;
            _session.CausationId = metadata.CausationId;
            _session.LastModifiedBy = metadata.Actor.Account.ToString();
            _session.SetHeader(FactHeaders.ActorName, metadata.Actor.Name);
            _session.SetHeader(FactHeaders.ActorRole, metadata.Role);
            writing.AppendMany(facts.ToArray());
            foreach (var queued in mail) _session.Events.StartStream<OutgoingMessage>(queued.Message, queued);
            _session.Insert(processed);
            try
            {
                await _session.SaveChangesAsync();
            }
            catch (Exception e) when (IsConcurrencyConflict(e))
            {
                throw new StreamConflict(e);
            }
        }

        public async Task<(bool Staged, TState? Before)> Stage<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, IReadOnlyList<object> facts)
            where TState : class, IVersioned where TCommand : Command
        {
            // Fetched for writing too, so that the commit fails if another reached the stream first.
            var writing = await _session.Events.FetchForWriting<TState>(stream);
            if ((writing.Aggregate is null && writing.CurrentVersion > 0) || facts.Aggregate(writing.Aggregate, kind.Fold) is null) return (false, writing.Aggregate);
            writing.AppendMany(facts.ToArray());
            return (true, writing.Aggregate);
        }

        public async Task<long> VersionOf(Guid stream) => (await _session.Events.FetchStreamStateAsync(stream))?.Version ?? 0;

        private static bool IsConcurrencyConflict(Exception e) => e is ConcurrencyException
            or EventStreamUnexpectedMaxEventIdException
            or JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException
            or DocumentAlreadyExistsException;

        public ValueTask DisposeAsync() => _session.DisposeAsync();
    }
}
