using EditorialPortal.Domain.Triage;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using Marten;
using Marten.Services.BatchQuerying;
using EditorialPortal.Domain.Review;
using Marten.Linq;

namespace EditorialPortal.Records;

/// <summary>The read side on Marten: current-state documents, filtered, sorted and paged in PostgreSQL.</summary>
public sealed class MartenQueries(IDocumentStore store, TimeProvider clock) : ISubmissionQueries, IJournalQueries, IAccountQueries, IReviewRounds
{
    public async Task<IReadOnlyList<(Submission Submission, Journal Journal)>> UnderReview(Guid? after, int take)
    {
        await using var session = store.QuerySession();
        var query = session.Query<Submission>().Where(s => s.Status == SubmissionStatus.UnderReview);
        if (after is { } last) query = query.Where(s => s.Id.CompareTo(last) > 0);
        var submissions = await query.OrderBy(s => s.Id).Take(take).ToListAsync();
        var journals = (await session.LoadManyAsync<Journal>(submissions.Select(s => s.Journal).Distinct())).ToDictionary(j => j.Id);
        return [.. submissions.Where(s => journals.ContainsKey(s.Journal)).Select(s => (s, journals[s.Journal]))];
    }

    public async Task<Guid?> ReviewerInvitedBy(Guid submission, Guid invitation)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<Submission>(submission))?.Assignments.FirstOrDefault(a => a.Id == invitation)?.Reviewer;
    }

    public async Task<Submission?> Find(Guid submission, Actor actor)
    {
        await using var session = store.QuerySession();
        var state = await session.LoadAsync<Submission>(submission);
        if (state is null) return null;
        var journal = await session.LoadAsync<Journal>(state.Journal);
        return state.CanRead(actor, journal) ? Blinding.AsSeenBy(state, journal, actor) : null;
    }

    public async Task<IReadOnlyList<Submission>> SubmissionsOf(Actor author)
    {
        await using var session = store.QuerySession();
        var email = EmailAddress.Normalise(author.Email);
        return await session.Query<Submission>()
            .Where(s => s.SubmittingAuthor == author.Account || s.Authors.Any(a => a.Email == email))
            .OrderByDescending(s => s.LastChangedAt)
            .Take(500)
            .ToListAsync();
    }

    public async Task<IReadOnlyList<Submission>> ReviewedBy(Actor reviewer)
    {
        await using var session = store.QuerySession();
        var mine = await session.Query<Submission>().Where(s => s.Assignments.Any(a => a.Reviewer == reviewer.Account))
            .OrderByDescending(s => s.LastChangedAt).Take(500).ToListAsync();
        return await AsSeenBy(session, mine, reviewer);
    }

    public async Task<IReadOnlyList<Submission>> HandledBy(Actor editor)
    {
        await using var session = store.QuerySession();
        var mine = await session.Query<Submission>()
            .Where(s => s.HandlingEditor == editor.Account && (s.Status == SubmissionStatus.WithEditor || s.Status == SubmissionStatus.UnderReview))
            .Where(EditorialQueues.MayBeJudgedBy(editor))
            .OrderBy(s => s.SubmittedAt).Take(500).ToListAsync();
        return await AsSeenBy(session, mine, editor);
    }

    private static async Task<IReadOnlyList<Submission>> AsSeenBy(IQuerySession session, IReadOnlyList<Submission> submissions, Actor actor)
    {
        var journals = (await session.LoadManyAsync<Journal>(submissions.Select(s => s.Journal).Distinct())).ToDictionary(j => j.Id);
        return [.. submissions.Where(s => s.CanRead(actor, journals.GetValueOrDefault(s.Journal))).Select(s => Blinding.AsSeenBy(s, journals.GetValueOrDefault(s.Journal), actor))];
    }

    public Task<Page<QueueItem>?> NewSubmissions(Guid journal, Actor editor, QueueRequest request) =>
        Queue(journal, EditorialQueue.NeedsHandlingEditor, editor, request);

    // The page's ids come from the queue's index alone (its entries carry the columns the rules test), and only those
    // twenty documents are read. An unfiltered queue's size is summed from the tally; a filtered one is counted on the index.
    public async Task<Page<QueueItem>?> Queue(Guid journal, EditorialQueue queue, Actor editor, QueueRequest request)
    {
        await using var session = store.QuerySession();
        var staff = await session.LoadAsync<Journal>(journal);
        if (staff is null || !staff.IsEditor(editor.Account)) return null;

        var filters = EditorialQueues.Filters(request).ToList();
        var now = clock.GetUtcNow();
        var batch = session.CreateBatchQuery();
        IBatchedQueryable<Submission> Selected()
        {
            var query = batch.Query<Submission>().Where(EditorialQueues.Holds(queue, staff, now)).Where(EditorialQueues.MayBeJudgedBy(editor));
            foreach (var filter in filters) query = query.Where(filter);
            return query;
        }
        var counted = filters.Count > 0 || queue == EditorialQueue.ReviewsOverdue ? Selected().Count() : null;
        var ordered = (request.SortBy, request.Descending) switch
        {
            (QueueSort.Title, false) => Selected().OrderBy(s => s.Title),
            (QueueSort.Title, true) => Selected().OrderByDescending(s => s.Title),
            (QueueSort.Waiting, false) => Selected().OrderBy(s => s.StatusSince),
            (QueueSort.Waiting, true) => Selected().OrderByDescending(s => s.StatusSince),
            (_, false) => Selected().OrderBy(s => s.SubmittedAt),
            _ => Selected().OrderByDescending(s => s.SubmittedAt)
        };
        var ids = ordered.Skip(request.Skip).Take(request.Size).Select(s => s.Id).ToList();
        await batch.Execute();

        var total = counted is null
            ? (await QueueTally.Standings(session, journal)).Where(standing => EditorialQueues.Holds(queue, standing, staff.ReviewsRequired)).Sum(standing => standing.Submissions)
              - (await NotTheirsToJudge(session, journal, editor)).Count(EditorialQueues.Holds(queue, staff, now).Compile())
            : await counted;
        var onPage = await ids;
        var documents = (await session.LoadManyAsync<Submission>(onPage)).ToDictionary(s => s.Id);
        return new Page<QueueItem>([.. onPage.Where(documents.ContainsKey).Select(id => QueueItem.Of(documents[id]))], total, Math.Max(request.PageNumber, 1), request.Size);
    }

    // Summed from the journal's queue tally, whatever its size; only the overdue reviews, which depend on the clock, are
    // counted, over the index of due dates.
    public async Task<IReadOnlyDictionary<EditorialQueue, long>?> QueueCounts(Guid journal, Actor editor)
    {
        await using var session = store.QuerySession();
        var staff = await session.LoadAsync<Journal>(journal);
        if (staff is null || !staff.IsEditor(editor.Account)) return null;
        var now = clock.GetUtcNow();
        var standings = await QueueTally.Standings(session, journal);
        var overdue = await session.Query<Submission>().Where(EditorialQueues.Holds(EditorialQueue.ReviewsOverdue, staff, now)).CountAsync();
        var notTheirs = await NotTheirsToJudge(session, journal, editor);
        return Enum.GetValues<EditorialQueue>().ToDictionary(queue => queue, queue => (queue == EditorialQueue.ReviewsOverdue
            ? overdue
            : standings.Where(standing => EditorialQueues.Holds(queue, standing, staff.ReviewsRequired)).Sum(standing => standing.Submissions))
            - notTheirs.Count(EditorialQueues.Holds(queue, staff, now).Compile()));
    }

    public async Task<IReadOnlyList<QueueItem>?> NeedingAnEditorWithoutAConflict(Guid journal, Actor administrator)
    {
        await using var session = store.QuerySession();
        var staff = await session.LoadAsync<Journal>(journal);
        if (staff is null) return null;
        if (!staff.Grants(administrator.Account, JournalRole.JournalAdministrator) && (await session.LoadAsync<Account>(administrator.Account))?.IsSystemAdministrator != true)
            return null;
        var editorsInChief = await session.LoadManyAsync<Account>(staff.Staff.Where(m => m.Role == JournalRole.EditorInChief).Select(m => m.Account).Distinct());
        // Only a manuscript the first editor-in-chief may not judge can be one that none may; without any, every one waits.
        var candidates = editorsInChief.Count > 0
            ? await NotTheirsToJudge(session, journal, new Actor(editorsInChief[0].Id, editorsInChief[0].Name, editorsInChief[0].Email))
            : await session.Query<Submission>().Where(s => s.Journal == journal && s.Status != SubmissionStatus.Draft).OrderBy(s => s.SubmittedAt).Take(500).ToListAsync();
        return [.. candidates.Where(s => ConflictsOfInterest.NeedsAnEditorWithoutAConflict(s, [.. editorsInChief])).OrderBy(s => s.SubmittedAt).Select(QueueItem.Of)];
    }

    // The tally counts every manuscript; the editor's own and those they declared a conflict with are taken off their
    // counts. They are few, and found on the indexes of submitting authors, author lists and declared conflicts.
    private static async Task<IReadOnlyList<Submission>> NotTheirsToJudge(IQuerySession session, Guid journal, Actor editor)
    {
        var email = EmailAddress.Normalise(editor.Email);
        var account = editor.Account;
        return await session.Query<Submission>()
            .Where(s => s.Journal == journal && s.Status != SubmissionStatus.Draft
                && (s.SubmittingAuthor == account || s.Authors.Any(a => a.Email == email) || s.DeclaredConflicts.Contains(account)))
            .ToListAsync();
    }

    public async Task<IReadOnlyList<HistoryEntry>?> History(Guid submission, Actor actor, long? upTo = null)
    {
        await using var session = store.QuerySession();
        var state = await session.LoadAsync<Submission>(submission);
        var journal = state is null ? null : await session.LoadAsync<Journal>(state.Journal);
        if (state is null || !state.CanRead(actor, journal)) return null;
        var facts = (await session.Events.FetchStreamAsync(submission)).Select(f => f.Data).OfType<IHistoricalFact>().ToList();
        var names = await NamesOf(session, facts.SelectMany(SubmissionNarrative.PeopleNamedIn));
        return PointInTime.HistoryUpTo(facts, state, journal, actor, names, upTo);
    }

    public async Task<PointInTime?> AsItWas(Guid submission, Actor actor, long version, DateTimeOffset? moment = null)
    {
        await using var session = store.QuerySession();
        var state = await session.LoadAsync<Submission>(submission);
        var journal = state is null ? null : await session.LoadAsync<Journal>(state.Journal);
        if (state is null || !state.CanRead(actor, journal)) return null;
        var facts = (await session.Events.FetchStreamAsync(submission)).Select(f => f.Data).OfType<IHistoricalFact>().ToList();
        return PointInTime.Of(facts, state, journal, actor, moment is { } at ? PointInTime.VersionAt(facts, at) : version);
    }

    public async Task<Journal?> Find(Guid journal)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Journal>(journal);
    }

    public async Task<IReadOnlyList<Journal>> All()
    {
        await using var session = store.QuerySession();
        return await session.Query<Journal>().OrderBy(j => j.Title).ToListAsync();
    }

    public async Task<IReadOnlyList<Journal>> WhereStaff(Actor actor)
    {
        await using var session = store.QuerySession();
        return await session.Query<Journal>().Where(j => j.Staff.Any(s => s.Account == actor.Account)).OrderBy(j => j.Title).ToListAsync();
    }

    async Task<Account?> IAccountQueries.Find(Guid account)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Account>(account);
    }

    public async Task<Account?> FindByEmail(string email)
    {
        await using var session = store.QuerySession();
        var normalised = EmailAddress.Normalise(email);
        return await session.Query<Account>().SingleOrDefaultAsync(a => a.Email == normalised);
    }

    public async Task<Account?> FindByAccessToken(string tokenHash)
    {
        await using var session = store.QuerySession();
        return await session.Query<Account>().FirstOrDefaultAsync(a => a.AccessTokens.Any(t => t.TokenHash == tokenHash && t.RevokedAt == null));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesOf(IEnumerable<Guid> accounts)
    {
        await using var session = store.QuerySession();
        return await NamesOf(session, accounts);
    }

    private static async Task<IReadOnlyDictionary<Guid, string>> NamesOf(IQuerySession session, IEnumerable<Guid> accounts)
    {
        var ids = accounts.Where(a => a != Guid.Empty).Distinct().ToArray();
        var found = await session.LoadManyAsync<Account>(ids);
        var names = found.ToDictionary(a => a.Id, a => a.Name);
        names[Actor.System.Account] = Actor.System.Name;
        return names;
    }
}
