using EditorialPortal.Contracts.History;
using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.Cases;
using EditorialPortal.Integrity.Portal;
using EditorialPortal.Integrity.Signals;
using Marten;
using Microsoft.Extensions.Options;

namespace EditorialPortal.Integrity.CatchingUp;

public sealed class CatchUpOptions
{
    public const string Section = "CatchUp";

    /// <summary>Whether the application reads the portal by itself; tests drive it one read at a time instead.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long to wait, once at the record's head, before asking for what is new.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait after a failed read; it doubles with each failure up to <see cref="LongestWait"/>.</summary>
    public TimeSpan FirstWait { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan LongestWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// While the portal keeps writing, how often at most the detectors run: they read nothing new while they run, so
    /// running them at every poll would keep the reading behind. Once the record is quiet they run at the next poll.
    /// </summary>
    public TimeSpan AnalysisInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Reads the portal's record after the checkpoint, a page at a time, and keeps each page, the people its facts name and
/// the new checkpoint in one transaction: a read that fails leaves nothing half kept, and a page read twice (after a crash
/// between the portal's answer and the commit) is kept once, by the facts' global sequence. Once at the head it runs the
/// detectors and raises what they newly see. When the portal is down it waits, longer each time, and resumes from the
/// checkpoint.
/// </summary>
public sealed class CatchUp(IDocumentStore store, PortalClient portal, CatchUpStatus status, IOptions<PortalOptions> portalOptions, IOptions<CatchUpOptions> options,
    TimeProvider clock, ILogger<CatchUp> logger) : BackgroundService
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private RecordView _view = new();
    private readonly Dictionary<Guid, KnownPerson> _people = [];
    private bool _loaded;
    private long _analysedThrough = -1;

    /// <summary>The record as read so far; only this service changes it, between reads.</summary>
    public RecordView View => _view;

    public IReadOnlyDictionary<Guid, KnownPerson> People => _people;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Value.Enabled) return;
        var wait = options.Value.FirstWait;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var read = await ReadOnce(stopping);
                wait = options.Value.FirstWait;
                if (read < portalOptions.Value.PageSize)
                {
                    if (read == 0 || clock.GetUtcNow() - (status.AnalysedAt ?? DateTimeOffset.MinValue) >= options.Value.AnalysisInterval) await Analyse(stopping);
                    await Task.Delay(options.Value.PollInterval, clock, stopping);
                }
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                status.Failed(StateAfter(e), e.Message, clock.GetUtcNow() + wait);
                logger.LogWarning("Reading the portal's record failed ({Problem}); trying again in {Wait}", e.Message, wait);
                await Task.Delay(wait, clock, stopping);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, options.Value.LongestWait.Ticks));
            }
        }
    }

    /// <summary>Reads and keeps one page after the checkpoint; answers how many facts it held.</summary>
    public async Task<int> ReadOnce(CancellationToken token = default)
    {
        await _one.WaitAsync(token);
        try
        {
            await Load(token);
            var page = await portal.FactsAfter(_view.Through, portalOptions.Value.PageSize, token);
            var facts = page.Facts.Select(MirroredFact.Of).ToList();
            if (facts.Count == 0)
            {
                status.Read(_view.Through, null, clock.GetUtcNow(), atHead: true);
                return 0;
            }
            var people = await NewPeople(page.Facts, token);
            await using (var session = store.LightweightSession())
            {
                session.Store(facts.ToArray());
                if (people.Count > 0) session.Store(people.ToArray());
                session.Store(new Checkpoint(Checkpoint.OfPortal, facts[^1].Sequence, clock.GetUtcNow()));
                await session.SaveChangesAsync(token);
            }
            foreach (var person in people) _people[person.Id] = person;
            foreach (var fact in facts) _view.Apply(fact);
            status.Read(_view.Through, _view.LastFactAt, clock.GetUtcNow(), atHead: facts.Count < portalOptions.Value.PageSize);
            return facts.Count;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Reads until the head of the record; answers how many facts were read.</summary>
    public async Task<int> ReadToHead(CancellationToken token = default)
    {
        var total = 0;
        int read;
        do total += read = await ReadOnce(token);
        while (read == portalOptions.Value.PageSize);
        return total;
    }

    /// <summary>Runs every detector over the record as read and raises the signals not raised before; answers how many were new.</summary>
    public async Task<int> Analyse(CancellationToken token = default)
    {
        await _one.WaitAsync(token);
        try
        {
            await Load(token);
            if (_analysedThrough == _view.Through) return 0;
            await using var session = store.LightweightSession();
            var overridden = (await session.Query<PersonOverride>().Where(o => !o.Withdrawn).ToListAsync(token)).Select(o => (o.Person, o.Detector)).ToHashSet();
            var findings = Detectors.All.SelectMany(d => d.Detect(_view, _people))
                .Where(f => f.People.Count == 0 || !f.People.All(p => overridden.Contains((p, f.Detector))))
                .DistinctBy(f => f.Key).ToList();
            var ids = findings.Select(f => Signal.IdOf(f.Key)).ToArray();
            var raised = (await session.Query<Signal>().Where(s => s.Id.IsOneOf(ids)).Select(s => s.Id).ToListAsync(token)).ToHashSet();
            var now = clock.GetUtcNow();
            var fresh = findings.Where(f => !raised.Contains(Signal.IdOf(f.Key))).Select(f => Signal.Raise(f, _view.Through, now)).ToList();
            foreach (var signal in fresh) session.Events.StartStream<Signal>(signal.Signal, signal);
            var cases = await session.Query<IntegrityCase>().Select(c => new CaseSubjects(c.Id, c.State, c.Manuscripts, c.People)).ToListAsync(token);
            foreach (var filed in CaseFiling.File(fresh, cases, now))
                if (filed.Opens) session.Events.StartStream<IntegrityCase>(filed.Case, filed.Fact);
                else session.Events.Append(filed.Case, filed.Fact);
            await session.SaveChangesAsync(token);
            _analysedThrough = _view.Through;
            status.Analysed(_view.Through, now);
            if (fresh.Count > 0) logger.LogInformation("{Count} new signals raised over the record read to fact {Through}", fresh.Count, _view.Through);
            return fresh.Count;
        }
        finally
        {
            _one.Release();
        }
    }

    // What was kept before, folded again, so that a restart resumes from the checkpoint with the same view.
    private async Task Load(CancellationToken token)
    {
        if (_loaded) return;
        await using var session = store.QuerySession();
        foreach (var person in await session.Query<KnownPerson>().ToListAsync(token)) _people[person.Id] = person;
        var view = new RecordView();
        await foreach (var fact in session.Query<MirroredFact>().OrderBy(f => f.Id).ToAsyncEnumerable(token)) view.Apply(fact);
        _view = view;
        _loaded = true;
        status.Read(view.Through, view.LastFactAt, clock.GetUtcNow(), atHead: false);
    }

    // Reviewers, and the editors who invite them and decide: the detectors weigh their addresses. Authors are known by
    // the addresses their manuscripts give, without asking.
    private static readonly HashSet<string> PeopleNamedIn = ["ReviewerInvited", "HandlingEditorAssigned", "DecisionRecorded", "SubmissionDeskRejected"];

    // The people a page's facts name, asked of the portal once each.
    private async Task<List<KnownPerson>> NewPeople(IReadOnlyList<HistoryFact> facts, CancellationToken token)
    {
        var found = new List<KnownPerson>();
        var named = facts.Where(f => PeopleNamedIn.Contains(f.Type)).SelectMany(f => new[] { f.Links.GetValueOrDefault("reviewer"), f.Links.GetValueOrDefault("actor") });
        foreach (var link in named.Select(l => l?.Href).OfType<string>().Distinct())
        {
            var id = Guid.Parse(link[(link.LastIndexOf('/') + 1)..]);
            if (_people.ContainsKey(id) || found.Any(p => p.Id == id)) continue;
            if (await portal.Person(link, token) is { } person)
                found.Add(new KnownPerson(person.Id, person.Name, person.Email, person.Affiliation, person.Orcid, person.RegisteredAt));
        }
        return found;
    }

    private static CatchUpState StateAfter(Exception e) => e switch
    {
        PortalRefused => CatchUpState.Refused,
        HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException => CatchUpState.PortalUnreachable,
        _ => CatchUpState.Failing
    };
}
