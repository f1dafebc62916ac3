using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Domain.Notifications;

using System.Text.Json;
using System.Text.Json.Nodes;
using EditorialPortal.Desk;
using EditorialPortal.History;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialPortal.Tests.Direct;

/// <summary>
/// The record and its queries in memory, for the direct actor: the editorial desk's one pipeline with its guards, the
/// same deciders and folds as on PostgreSQL, and a lock where PostgreSQL has transactions.
/// </summary>
public sealed partial class InMemoryEditorialRecord(TimeProvider clock, Func<string, string>? link = null)
    : IEditorialDesk, IFactStore, ISubmissionQueries, IJournalQueries, IAccountQueries, IReviewRounds, IOutbox, IProductionQueries, IPublicationQueries
{
    private readonly Dictionary<Guid, OutgoingMessage> _outbox = [];

    public Task<IReadOnlyList<OutgoingMessage>> Due(DateTimeOffset now, int max)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<OutgoingMessage>>([.. _outbox.Values.Where(m => m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).Take(max)]);
    }

    public Task<Guid?> ReviewerInvitedBy(Guid submission, Guid invitation)
    {
        lock (_gate) return Task.FromResult(_submissions.GetValueOrDefault(submission)?.Assignments.FirstOrDefault(a => a.Id == invitation)?.Reviewer);
    }

    public Task<bool> Record(OutgoingMessage message, object attempted)
    {
        lock (_gate)
        {
            if (_outbox[message.Id].Version != message.Version) return Task.FromResult(false);
            _outbox[message.Id] = OutgoingMessage.Fold(message, attempted)! with { Version = message.Version + 1 };
            return Task.FromResult(true);
        }
    }

    public Task<Page<OutgoingMessage>?> OfJournal(Guid journal, Actor actor, bool undeliveredOnly, int page, int size)
    {
        lock (_gate)
        {
            if (!_journals.TryGetValue(journal, out var j) || !(j.Grants(actor.Account, JournalRole.JournalAdministrator) || IsSystemAdministrator(actor)))
                return Task.FromResult<Page<OutgoingMessage>?>(null);
            var all = _outbox.Values.Where(m => m.Journal == journal && (!undeliveredOnly || m.Status is DeliveryStatus.Retrying or DeliveryStatus.GaveUp))
                .Where(m => m.Recipient == actor.Account || m.Submission is not { } about || !_submissions.TryGetValue(about, out var s) || !s.IsAuthor(actor))
                .OrderByDescending(m => m.QueuedAt).ToList();
            return Task.FromResult<Page<OutgoingMessage>?>(new Page<OutgoingMessage>([.. all.Skip((Math.Max(page, 1) - 1) * size).Take(size)], all.Count, Math.Max(page, 1), size));
        }
    }

    public Task<IReadOnlyList<(Submission Submission, Journal Journal)>> UnderReview(Guid? after, int take)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<(Submission, Journal)>>([.. _submissions.Values
                .Where(s => s.Status == SubmissionStatus.UnderReview && (after is null || s.Id.CompareTo(after.Value) > 0))
                .OrderBy(s => s.Id).Take(take).Select(s => (s, _journals[s.Journal]))]);
    }

    private readonly Lock _gate = new();
    private Func<string, string> Link => link ?? (path => "http://portal.test" + path);
    private readonly Dictionary<Guid, List<IHistoricalFact>> _streams = [];
    private readonly Dictionary<Guid, List<string>> _chains = [];

    private readonly Dictionary<Guid, Submission> _submissions = [];
    private readonly Dictionary<Guid, Journal> _journals = [];
    private readonly Dictionary<Guid, Account> _accounts = [];
    private readonly Dictionary<Guid, ProcessedCommand> _processed = [];

    // The same pipeline as on PostgreSQL, with its guards; only the storing is this class's own.
    private EditorialDesk? _desk;

    public Task<CommandOutcome> Execute(Guid stream, Command command, Actor actor, CommandOptions? options = null) =>
        (_desk ??= new EditorialDesk(this, clock, new PortalLinks(Link("/")), new OutboxSignal(), NullLogger.Instance)).Execute(stream, command, actor, options);

    public Task<IFactSession> Begin() => Task.FromResult<IFactSession>(new Session(this));

    // The documents a kind of stream keeps current, as Marten's inline projections do.
    private Dictionary<Guid, TState> Documents<TState>() => typeof(TState) switch
    {
        var t when t == typeof(Submission) => (Dictionary<Guid, TState>)(object)_submissions,
        var t when t == typeof(Journal) => (Dictionary<Guid, TState>)(object)_journals,
        var t when t == typeof(Account) => (Dictionary<Guid, TState>)(object)_accounts,
        var t => (Dictionary<Guid, TState>)(_others.TryGetValue(t, out var documents) ? documents : _others[t] = new Dictionary<Guid, TState>())
    };

    // The documents of the kinds no query here reads.
    private readonly Dictionary<Type, object> _others = [];

    /// <summary>Appends facts to a stream with their chain, and keeps its document current; under the lock.</summary>
    private void Append<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, IReadOnlyList<object> facts)
        where TState : class, IVersioned where TCommand : Command
    {
        var recorded = (List<IHistoricalFact>)[.. _streams.GetValueOrDefault(stream) ?? [], .. facts.Cast<IHistoricalFact>()];
        _streams[stream] = recorded;
        var chain = _chains.GetValueOrDefault(stream) ?? [];
        for (var version = chain.Count + 1; version <= recorded.Count; version++)
            chain.Add(FactChain.Link(chain.Count == 0 ? FactChain.Genesis : chain[^1], recorded[version - 1].GetType().Name, version,
                JsonSerializer.Serialize<object>(recorded[version - 1])));
        _chains[stream] = chain;
        if (recorded.Aggregate<IHistoricalFact, TState?>(null, (state, fact) => kind.Fold(state, fact)) is { } folded)
            Documents<TState>()[stream] = kind.AtVersion(folded, recorded.Count);
    }

    private bool IsSystemAdministrator(Actor actor) => _accounts.GetValueOrDefault(actor.Account)?.IsSystemAdministrator == true;

    /// <summary>One command against memory: reads as it goes, and a commit that checks, under the lock, that nobody came first.</summary>
    private sealed class Session(InMemoryEditorialRecord record) : IFactSession
    {
        public Task<ProcessedCommand?> Processed(Guid commandId)
        {
            lock (record._gate) return Task.FromResult(record._processed.GetValueOrDefault(commandId));
        }

        public Task<FetchedStream<TState>> Fetch<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, long? expectedVersion)
            where TState : class, IVersioned where TCommand : Command
        {
            lock (record._gate)
            {
                var version = record._streams.GetValueOrDefault(stream)?.Count ?? 0;
                var state = record.Documents<TState>().GetValueOrDefault(stream);
                return Task.FromResult(new FetchedStream<TState>(state, version, state is null && version > 0));
            }
        }

        public Task<DecisionContext> Load(Guid stream, ContextNeeds needs, DateTimeOffset now)
        {
            lock (record._gate)
            {
                var journal = needs.Journal is { } id ? record._journals.GetValueOrDefault(id) : null;
                var accounts = needs.Accounts.Where(record._accounts.ContainsKey).Distinct().ToDictionary(a => a, a => record._accounts[a]);
                var authors = needs.CoauthorsOf.ToHashSet();
                var coauthors = authors.Count == 0 ? [] : record._submissions.Values.Where(s => s.Id != stream && s.Authors.Any(a => authors.Contains(a.Email)))
                    .SelectMany(s => s.Authors.Select(a => a.Email)).Except(authors).ToHashSet();
                var emailInUse = needs.EmailInUse is { } email && record._accounts.Values.Any(a => a.Id != stream && EmailAddress.Same(a.Email, email));
                var submission = needs.Submission is { } concerned ? record._submissions.GetValueOrDefault(concerned) : null;
                var doiInUse = needs.DoiInUse is { } doi && (record.Documents<PublishedArticle>().Values.Any(a => a.Id != stream && (a.Doi == doi || a.Notices.Any(n => n.Doi == doi)))
                    || record.Documents<JournalIssue>().Values.Any(i => i.Id != stream && i.Doi == doi));
                var pathInUse = needs.PathInUse is { } path && record._journals.Values.Any(j => j.Publication.Path == path && j.Id != stream);
                return Task.FromResult(new DecisionContext(journal, accounts, coauthors, emailInUse, now)
                {
                    Submission = submission, DoiInUse = doiInUse, PathInUse = pathInUse,
                    Article = needs.Article is { } article ? record.Documents<PublishedArticle>().GetValueOrDefault(article) : null,
                    Issue = needs.Issue is { } issue ? record.Documents<JournalIssue>().GetValueOrDefault(issue) : null,
                    ArticlesNumbered = needs.ArticlesNumberedIn is { } numbering && journal?.Publication.NumbersArticles == true
                        ? record.Documents<PublishedArticle>().Values.Count(a => a.Journal == numbering && a.ArticleNumber is not null)
                        : 0
                });
            }
        }

        public Task<IReadOnlyDictionary<Guid, Account>> Accounts(IReadOnlySet<Guid> accounts)
        {
            lock (record._gate)
                return Task.FromResult<IReadOnlyDictionary<Guid, Account>>(accounts.Where(record._accounts.ContainsKey).ToDictionary(a => a, a => record._accounts[a]));
        }

        public Task Commit<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, long after, IReadOnlyList<object> facts, IReadOnlyList<MailQueued> mail,
            ProcessedCommand processed, FactMetadata metadata) where TState : class, IVersioned where TCommand : Command
        {
            lock (record._gate)
            {
                if ((record._streams.GetValueOrDefault(stream)?.Count ?? 0) != after || record._processed.ContainsKey(processed.Id)
                    || _staged.Any(staged => (record._streams.GetValueOrDefault(staged.Stream)?.Count ?? 0) != staged.After))
                    throw new StreamConflict();
                record.Append(kind, stream, facts);
                foreach (var staged in _staged) staged.Append();
                foreach (var queued in mail) record._outbox[queued.Message] = OutgoingMessage.Fold(null, queued)! with { Version = 1 };
                record._processed[processed.Id] = processed;
                return Task.CompletedTask;
            }
        }

        // Facts another stream's facts bring with them, kept with the version they were decided on until the commit.
        private readonly List<(Guid Stream, long After, Action Append)> _staged = [];

        public Task<(bool Staged, TState? Before)> Stage<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, IReadOnlyList<object> facts)
            where TState : class, IVersioned where TCommand : Command
        {
            lock (record._gate)
            {
                var version = record._streams.GetValueOrDefault(stream)?.Count ?? 0;
                var state = record.Documents<TState>().GetValueOrDefault(stream);
                if ((state is null && version > 0) || facts.Aggregate(state, kind.Fold) is null) return Task.FromResult<(bool, TState?)>((false, state));
                _staged.Add((stream, version, () => record.Append(kind, stream, facts)));
                return Task.FromResult<(bool, TState?)>((true, state));
            }
        }

        public Task<long> VersionOf(Guid stream)
        {
            lock (record._gate) return Task.FromResult((long)(record._streams.GetValueOrDefault(stream)?.Count ?? 0));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public Task<ArticleProduction?> OfSubmission(Guid submission, Actor actor)
    {
        lock (_gate)
        {
            var production = Documents<ArticleProduction>().GetValueOrDefault(ArticleProduction.StreamOf(submission));
            return Task.FromResult(production is not null && production.MaySee(actor, _journals.GetValueOrDefault(production.Journal)) ? production : null);
        }
    }

    public Task<ProductionDashboard?> Dashboard(Guid journal, ProductionStep? step, bool overdueOnly, int pageNumber, int pageSize, Actor actor, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_journals.GetValueOrDefault(journal) is not { } staffed || !staffed.RolesOf(actor.Account).Any(JournalRoles.Production.Contains))
                return Task.FromResult<ProductionDashboard?>(null);
            return Task.FromResult<ProductionDashboard?>(ProductionDashboards.Of([.. Documents<ArticleProduction>().Values.Where(p => p.Journal == journal)],
                step, overdueOnly, pageNumber, pageSize, now));
        }
    }

    public Task<IReadOnlyList<ProductionTaskItem>> TasksOf(Actor actor, DateTimeOffset now)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ProductionTaskItem>>([.. Documents<ArticleProduction>().Values
                .SelectMany(p => ProductionAccess.WaitingFor(p, actor, now)).OrderBy(t => t.Due ?? DateTimeOffset.MaxValue)]);
    }

    Task<IReadOnlyList<HistoryEntry>?> IProductionQueries.History(Guid submission, Actor actor)
    {
        lock (_gate)
        {
            var production = Documents<ArticleProduction>().GetValueOrDefault(ArticleProduction.StreamOf(submission));
            if (production is null || !production.MaySee(actor, _journals.GetValueOrDefault(production.Journal))) return Task.FromResult<IReadOnlyList<HistoryEntry>?>(null);
            var facts = _streams[production.Id].Select((fact, i) => ((long)i + 1, fact)).ToList();
            var names = facts.SelectMany(f => ProductionNarrative.PeopleNamedIn(f.fact)).Distinct().Where(_accounts.ContainsKey).ToDictionary(a => a, a => _accounts[a].Name);
            return Task.FromResult<IReadOnlyList<HistoryEntry>?>(ProductionAccess.Told(facts, names));
        }
    }

    public Task<IReadOnlyList<(Guid Submission, Guid Journal)>> AcceptedWithoutProduction(int take)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<(Guid, Guid)>>([.. _submissions.Values
                .Where(s => s.Status == SubmissionStatus.Accepted && !Documents<ArticleProduction>().ContainsKey(ArticleProduction.StreamOf(s.Id)))
                .OrderBy(s => s.Id).Take(take).Select(s => (s.Id, s.Journal))]);
    }

    public Task<IReadOnlyList<(ArticleProduction Production, Journal Journal)>> Open(Guid? after, int take)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<(ArticleProduction, Journal)>>([.. Documents<ArticleProduction>().Values
                .Where(p => !p.Stopped && p.ReadyAt is null && (after is null || p.Id.CompareTo(after.Value) > 0))
                .OrderBy(p => p.Id).Take(take).Select(p => (p, _journals[p.Journal]))]);
    }

    public Task<Submission?> Find(Guid submission, Actor actor)
    {
        lock (_gate)
        {
            var state = _submissions.GetValueOrDefault(submission);
            var journal = state is null ? null : _journals.GetValueOrDefault(state.Journal);
            return Task.FromResult(state is not null && state.CanRead(actor, journal) ? Blinding.AsSeenBy(state, journal, actor) : null);
        }
    }

    public Task<IReadOnlyList<Submission>> SubmissionsOf(Actor author)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Submission>>([.. _submissions.Values
                .Where(s => s.IsSubmittingAuthor(author) || s.ListsAsAuthor(author))
                .OrderByDescending(s => s.LastChangedAt)]);
    }

    public Task<IReadOnlyList<Submission>> ReviewedBy(Actor reviewer) =>
        Seen(reviewer, s => s.Assignments.Any(a => a.Reviewer == reviewer.Account));

    public Task<IReadOnlyList<Submission>> HandledBy(Actor editor) =>
        Seen(editor, s => s.HandlingEditor == editor.Account && s.Status is SubmissionStatus.WithEditor or SubmissionStatus.UnderReview && s.MayJudge(editor));

    private Task<IReadOnlyList<Submission>> Seen(Actor actor, Func<Submission, bool> which)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Submission>>([.. _submissions.Values.Where(which)
                .Where(s => s.CanRead(actor, _journals.GetValueOrDefault(s.Journal)))
                .Select(s => Blinding.AsSeenBy(s, _journals.GetValueOrDefault(s.Journal), actor))
                .OrderByDescending(s => s.LastChangedAt)]);
    }

    public Task<Page<QueueItem>?> NewSubmissions(Guid journal, Actor editor, QueueRequest request) =>
        Queue(journal, EditorialQueue.NeedsHandlingEditor, editor, request);

    public Task<Page<QueueItem>?> Queue(Guid journal, EditorialQueue queue, Actor editor, QueueRequest request)
    {
        lock (_gate)
        {
            if (!_journals.TryGetValue(journal, out var staff) || !staff.IsEditor(editor.Account)) return Task.FromResult<Page<QueueItem>?>(null);
            var held = _submissions.Values.Where(EditorialQueues.Holds(queue, staff, clock.GetUtcNow()).Compile()).Where(EditorialQueues.MayBeJudgedBy(editor).Compile());
            foreach (var filter in EditorialQueues.Filters(request)) held = held.Where(filter.Compile());
            held = (request.SortBy, request.Descending) switch
            {
                (QueueSort.Title, false) => held.OrderBy(s => s.Title, StringComparer.Ordinal),
                (QueueSort.Title, true) => held.OrderByDescending(s => s.Title, StringComparer.Ordinal),
                (QueueSort.Waiting, false) => held.OrderBy(s => s.StatusSince),
                (QueueSort.Waiting, true) => held.OrderByDescending(s => s.StatusSince),
                (_, false) => held.OrderBy(s => s.SubmittedAt),
                _ => held.OrderByDescending(s => s.SubmittedAt)
            };
            var all = held.ToList();
            return Task.FromResult<Page<QueueItem>?>(new Page<QueueItem>([.. all.Skip(request.Skip).Take(request.Size).Select(QueueItem.Of)],
                all.Count, Math.Max(request.PageNumber, 1), request.Size));
        }
    }

    public Task<IReadOnlyList<QueueItem>?> NeedingAnEditorWithoutAConflict(Guid journal, Actor administrator)
    {
        lock (_gate)
        {
            if (!_journals.TryGetValue(journal, out var j) || !(j.Grants(administrator.Account, JournalRole.JournalAdministrator) || IsSystemAdministrator(administrator)))
                return Task.FromResult<IReadOnlyList<QueueItem>?>(null);
            var editorsInChief = j.Staff.Where(m => m.Role == JournalRole.EditorInChief).Select(m => _accounts.GetValueOrDefault(m.Account)).OfType<Account>().ToList();
            return Task.FromResult<IReadOnlyList<QueueItem>?>([.. _submissions.Values.Where(s => s.Journal == journal && ConflictsOfInterest.NeedsAnEditorWithoutAConflict(s, editorsInChief))
                .OrderBy(s => s.SubmittedAt).Select(QueueItem.Of)]);
        }
    }

    public Task<IReadOnlyDictionary<EditorialQueue, long>?> QueueCounts(Guid journal, Actor editor)
    {
        lock (_gate)
        {
            if (!_journals.TryGetValue(journal, out var staff) || !staff.IsEditor(editor.Account)) return Task.FromResult<IReadOnlyDictionary<EditorialQueue, long>?>(null);
            var now = clock.GetUtcNow();
            return Task.FromResult<IReadOnlyDictionary<EditorialQueue, long>?>(Enum.GetValues<EditorialQueue>()
                .ToDictionary(q => q, q => (long)_submissions.Values.Where(EditorialQueues.MayBeJudgedBy(editor).Compile()).Count(EditorialQueues.Holds(q, staff, now).Compile())));
        }
    }

    public Task<IReadOnlyList<HistoryEntry>?> History(Guid submission, Actor actor, long? upTo = null)
    {
        lock (_gate)
        {
            var state = _submissions.GetValueOrDefault(submission);
            var journal = state is null ? null : _journals.GetValueOrDefault(state.Journal);
            if (state is null || !state.CanRead(actor, journal)) return Task.FromResult<IReadOnlyList<HistoryEntry>?>(null);
            var names = _accounts.Values.ToDictionary(a => a.Id, a => a.Name);
            return Task.FromResult<IReadOnlyList<HistoryEntry>?>(PointInTime.HistoryUpTo(_streams[submission], state, journal, actor, names, upTo));
        }
    }

    /// <summary>Recomputes every stream's chain, as the portal's verification does on PostgreSQL.</summary>
    public VerificationReport VerifyAll()
    {
        lock (_gate)
        {
            var check = new ChainCheck();
            foreach (var (stream, facts) in _streams.OrderBy(s => s.Key))
            {
                for (var i = 0; i < facts.Count; i++)
                    check.Next(stream, i + 1, facts[i].GetType().Name, JsonSerializer.Serialize<object>(facts[i]), _chains[stream][i]);
                check.End(stream, facts.Count);
            }
            return new VerificationReport(clock.GetUtcNow(), check.Streams, check.Facts, TimeSpan.Zero, check.Breaks);
        }
    }

    public long VersionOfFirst(Guid stream, string type)
    {
        lock (_gate) return _streams[stream].FindIndex(f => f.GetType().Name == type) + 1;
    }

    /// <summary>Changes a recorded fact behind the record's back, as someone with access to the store could: its time moves.</summary>
    public void Tamper(Guid stream, long version)
    {
        lock (_gate)
        {
            var fact = _streams[stream][(int)version - 1];
            var json = JsonNode.Parse(JsonSerializer.Serialize<object>(fact))!;
            json["At"] = "2001-01-01T00:00:00+00:00";
            _streams[stream][(int)version - 1] = (IHistoricalFact)json.Deserialize(fact.GetType())!;
        }
    }

    public Task<PointInTime?> AsItWas(Guid submission, Actor actor, long version, DateTimeOffset? moment = null)
    {
        lock (_gate)
        {
            var state = _submissions.GetValueOrDefault(submission);
            var journal = state is null ? null : _journals.GetValueOrDefault(state.Journal);
            if (state is null) return Task.FromResult<PointInTime?>(null);
            var facts = _streams[submission];
            return Task.FromResult(PointInTime.Of(facts, state, journal, actor, moment is { } at ? PointInTime.VersionAt(facts, at) : version));
        }
    }

    public Task<Journal?> Find(Guid journal)
    {
        lock (_gate) return Task.FromResult(_journals.GetValueOrDefault(journal));
    }

    public Task<IReadOnlyList<Journal>> All()
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<Journal>>([.. _journals.Values.OrderBy(j => j.Title)]);
    }

    public Task<IReadOnlyList<Journal>> WhereStaff(Actor actor)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<Journal>>([.. _journals.Values.Where(j => j.RolesOf(actor.Account).Any()).OrderBy(j => j.Title)]);
    }

    Task<Account?> IAccountQueries.Find(Guid account)
    {
        lock (_gate) return Task.FromResult(_accounts.GetValueOrDefault(account));
    }

    public Task<Account?> FindByEmail(string email)
    {
        lock (_gate) return Task.FromResult(_accounts.Values.FirstOrDefault(a => EmailAddress.Same(a.Email, email)));
    }

    public Task<Account?> FindByAccessToken(string tokenHash)
    {
        lock (_gate) return Task.FromResult(_accounts.Values.FirstOrDefault(a => a.AccessTokens.Any(t => t.TokenHash == tokenHash && t.RevokedAt == null)));
    }

    public Task<IReadOnlyDictionary<Guid, string>> NamesOf(IEnumerable<Guid> accounts)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyDictionary<Guid, string>>(accounts.Distinct().Where(_accounts.ContainsKey).ToDictionary(a => a, a => _accounts[a].Name));
    }

    /// <summary>Every fact recorded so far, for assertions that nothing was recorded.</summary>
    public int FactCount
    {
        get { lock (_gate) return _streams.Values.Sum(s => s.Count); }
    }
}
