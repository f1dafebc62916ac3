using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Domain.Notifications;

using System.Text.Json;
using System.Text.Json.Nodes;
using EditorialPortal.History;

namespace EditorialPortal.Tests.Direct;

/// <summary>
/// The editorial desk and its queries in memory, for the direct actor: the same deciders and folds as the
/// Marten adapter, with a lock where PostgreSQL has transactions.
/// </summary>
public sealed class InMemoryEditorialRecord(TimeProvider clock, Func<string, string>? link = null) : IEditorialDesk, ISubmissionQueries, IJournalQueries, IAccountQueries, IReviewRounds, IOutbox
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
    private readonly Dictionary<Guid, List<IHistoricalFact>> _streams = [];
    private readonly Dictionary<Guid, List<string>> _chains = [];
    private readonly Dictionary<Guid, CommandOutcome.Accepted> _processed = [];
    private readonly Dictionary<Guid, Submission> _submissions = [];
    private readonly Dictionary<Guid, Journal> _journals = [];
    private readonly Dictionary<Guid, Account> _accounts = [];

    public Task<CommandOutcome> Execute(Guid submission, SubmissionCommand command, Actor actor, CommandOptions? options = null) =>
        Run(submission, _submissions, Submission.Fold, options, state =>
        {
            var journalId = command is StartSubmission start ? start.Journal : state?.Journal;
            var journal = journalId is { } id ? _journals.GetValueOrDefault(id) : null;
            var subject = command switch
            {
                AssignHandlingEditor assign => _accounts.GetValueOrDefault(assign.Editor),
                InviteReviewer invite => _accounts.GetValueOrDefault(invite.Reviewer),
                _ => null
            };
            var authors = state?.Authors.Select(a => a.Email).ToHashSet() ?? [];
            var coauthors = _submissions.Values.Where(s => s.Id != submission && s.Authors.Any(a => authors.Contains(a.Email)))
                .SelectMany(s => s.Authors.Select(a => a.Email)).Except(authors).ToHashSet();
            var reviewerNames = state?.Assignments.Select(a => a.Reviewer).Distinct().Where(_accounts.ContainsKey).ToDictionary(id => id, id => _accounts[id].Name);
            return SubmissionDecider.Decide(submission, command, state, journal, actor, clock.GetUtcNow(), subject, coauthors, reviewerNames);
        }, (s, version) => s with { Version = version }, (before, facts, commandId) =>
        {
            var journal = (before?.Journal ?? (command as StartSubmission)?.Journal) is { } id ? _journals.GetValueOrDefault(id) : null;
            foreach (var mail in journal is null ? [] : Notices.Compose(commandId, facts, before, journal, _accounts.GetValueOrDefault, link ?? (path => "http://portal.test" + path)))
                _outbox[mail.Message] = OutgoingMessage.Fold(null, mail)! with { Version = 1 };
        });

    public Task<CommandOutcome> Execute(Guid journal, JournalCommand command, Actor actor, CommandOptions? options = null) =>
        Run(journal, _journals, Journal.Fold, options, state =>
        {
            var grantee = command is GrantJournalRole grant && _accounts.ContainsKey(grant.Account);
            return JournalDecider.Decide(journal, command, state, IsSystemAdministrator(actor), grantee, actor, clock.GetUtcNow());
        }, (j, version) => j with { Version = version });

    public Task<CommandOutcome> Execute(Guid account, AccountCommand command, Actor actor, CommandOptions? options = null) =>
        Run(account, _accounts, Account.Fold, options, state =>
        {
            var emailTaken = command is RegisterAccount register
                && _accounts.Values.Any(a => a.Id != account && EmailAddress.Same(a.Email, register.Email));
            return AccountDecider.Decide(account, command, state, emailTaken, IsSystemAdministrator(actor), actor, clock.GetUtcNow());
        }, (a, version) => a with { Version = version });

    private bool IsSystemAdministrator(Actor actor) => _accounts.GetValueOrDefault(actor.Account)?.IsSystemAdministrator == true;

    private Task<CommandOutcome> Run<TState>(Guid stream, Dictionary<Guid, TState> documents, Func<TState?, object, TState?> fold,
        CommandOptions? options, Func<TState?, Decision> decide, Func<TState, long, TState> stamp,
        Action<TState?, IReadOnlyList<object>, Guid>? announce = null) where TState : class
    {
        options ??= CommandOptions.New();
        lock (_gate)
        {
            if (_processed.TryGetValue(options.CommandId, out var done)) return Task.FromResult<CommandOutcome>(done with { Facts = [], Repeated = true });
            var facts = _streams.GetValueOrDefault(stream) ?? [];
            if (options.ExpectedVersion is { } expected && expected != facts.Count)
                return Task.FromResult<CommandOutcome>(new CommandOutcome.Refused(new Refusal.ConcurrentChange(expected, facts.Count)));

            var decision = decide(documents.GetValueOrDefault(stream));
            if (decision.Refusal is { } refusal) return Task.FromResult<CommandOutcome>(new CommandOutcome.Refused(refusal));
            if (decision.Facts.Count == 0) return Task.FromResult<CommandOutcome>(new CommandOutcome.Accepted(stream, facts.Count, []));

            announce?.Invoke(documents.GetValueOrDefault(stream), decision.Facts, options.CommandId);
            var recorded = facts.Concat(decision.Facts.Cast<IHistoricalFact>()).ToList();
            _streams[stream] = recorded;
            var chain = _chains.GetValueOrDefault(stream) ?? [];
            for (var version = chain.Count + 1; version <= recorded.Count; version++)
                chain.Add(FactChain.Link(chain.Count == 0 ? FactChain.Genesis : chain[^1], recorded[version - 1].GetType().Name, version, JsonSerializer.Serialize<object>(recorded[version - 1])));
            _chains[stream] = chain;
            var state = recorded.Aggregate<IHistoricalFact, TState?>(null, (s, f) => fold(s, f));
            if (state is not null) documents[stream] = stamp(state, recorded.Count);
            var accepted = new CommandOutcome.Accepted(stream, recorded.Count, decision.Facts);
            _processed[options.CommandId] = accepted;
            return Task.FromResult<CommandOutcome>(accepted);
        }
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
        Seen(editor, s => s.HandlingEditor == editor.Account && s.Status is SubmissionStatus.WithEditor or SubmissionStatus.UnderReview);

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
            var held = _submissions.Values.Where(EditorialQueues.Holds(queue, staff, clock.GetUtcNow()).Compile());
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

    public Task<IReadOnlyDictionary<EditorialQueue, long>?> QueueCounts(Guid journal, Actor editor)
    {
        lock (_gate)
        {
            if (!_journals.TryGetValue(journal, out var staff) || !staff.IsEditor(editor.Account)) return Task.FromResult<IReadOnlyDictionary<EditorialQueue, long>?>(null);
            var now = clock.GetUtcNow();
            return Task.FromResult<IReadOnlyDictionary<EditorialQueue, long>?>(Enum.GetValues<EditorialQueue>()
                .ToDictionary(q => q, q => (long)_submissions.Values.Count(EditorialQueues.Holds(q, staff, now).Compile())));
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
        lock (_gate) return Task.FromResult(_accounts.Values.FirstOrDefault(a => a.AccessTokens.Any(t => t.TokenHash == tokenHash && t.IsActive)));
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
