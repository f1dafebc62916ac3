using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.People;
using EditorialPortal.Submissions;

namespace EditorialPortal.Generation;

/// <summary>How much to generate, from which seed, with how many writers at once.</summary>
public sealed record GenerationPlan(int Submissions, int Seed = 1, int Writers = 8)
{
    /// <summary>Days back from the start of today that the oldest finished lives may begin.</summary>
    public const int HistoryDays = 3 * 365;

    public int Journals { get; init; } = 1 + Submissions / 25_000;

    /// <summary>Whether manipulation is planted among the honest lives, for the integrity detectors to be measured on.</summary>
    public bool PlantsManipulation { get; init; } = true;
}

public sealed record GenerationReport(int Journals, int People, int Submissions, long Commands, long Facts, TimeSpan Took, IReadOnlyList<string> Problems)
{
    /// <summary>What was planted, by detector; empty when nothing was.</summary>
    public GroundTruth Truth { get; init; } = new(new Dictionary<string, IReadOnlyList<Guid>>());

    public override string ToString() =>
        $"{Submissions:N0} submissions in {Journals} journals, {People:N0} people: {Commands:N0} commands, {Facts:N0} facts in {Took.TotalSeconds:0.0} s " +
        $"({Commands / Math.Max(Took.TotalSeconds, 0.001):N0} commands/s, {Facts / Math.Max(Took.TotalSeconds, 0.001):N0} facts/s); {Problems.Count} refused or failed.";
}

/// <summary>
/// Journals, people and submissions with the lives real ones have (drafts left unfinished, desk rejections, two to four
/// reviewers, declined invitations, revision rounds, decisions, withdrawals), made by the same commands people give,
/// through the editorial desk, each at its moment of a simulated past. The same seed gives the same record: every id,
/// name, text, date and command id comes from the seed, so generating again records nothing twice.
/// </summary>
/// <param name="observe">Told how long each command took, for the benchmarks.</param>
/// <param name="recordPast">Writes facts straight to a stream if it stands at the version given: the past before a rule, for planting what the rule now forbids.</param>
public sealed partial class SyntheticJournals(IEditorialDesk desk, ManuscriptIntake intake, SimulatedClock clock, Func<Task<long>> countFacts, Action<TimeSpan>? observe = null,
    Func<Guid, long, IReadOnlyList<IHistoricalFact>, Task>? recordPast = null)
{
    private static readonly string PasswordHash = Passwords.Hash(DemoJournal.Password);

    /// <summary>Where a generated life ends; the open ones end in the last weeks, so their deadlines fall around today.</summary>
    private enum Fate { Draft, Submitted, WithEditor, Invited, Reviewing, ReadyForDecision, RevisionRequested, Revised, Accepted, Rejected, DeskRejected, Withdrawn }

    private static readonly (Fate Fate, int Weight)[] Fates =
    [
        (Fate.Draft, 4), (Fate.Submitted, 5), (Fate.WithEditor, 4), (Fate.Invited, 5), (Fate.Reviewing, 7), (Fate.ReadyForDecision, 4),
        (Fate.RevisionRequested, 5), (Fate.Revised, 4), (Fate.Accepted, 22), (Fate.Rejected, 18), (Fate.DeskRejected, 14), (Fate.Withdrawn, 4)
    ];

    internal sealed record Persona(Actor Actor, string Affiliation)
    {
        public Guid Account => Actor.Account;
    }

    internal sealed record Staffed(Guid Id, string Title, Persona EditorInChief, Persona[] HandlingEditors, Persona[] Reviewers);

    private sealed class Refused(string message) : Exception(message);

    private long _commands;
    private readonly ConcurrentQueue<string> _problems = new();

    /// <summary>The journals and people of a plan, registered and staffed: the ones the lives are written by.</summary>
    public sealed class Cast
    {
        internal Cast(Ids ids, DateTimeOffset anchor, IReadOnlyList<Staffed> journals, Persona[] authors)
        {
            (Ids, Anchor, Staff, Authors) = (ids, anchor, journals, authors);
        }

        internal Ids Ids { get; }
        internal DateTimeOffset Anchor { get; }
        internal IReadOnlyList<Staffed> Staff { get; }
        internal Persona[] Authors { get; }

        public IReadOnlyList<Guid> Journals => [.. Staff.Select(j => j.Id)];
        public Actor EditorInChiefOf(Guid journal) => Staff.Single(j => j.Id == journal).EditorInChief.Actor;
        public IReadOnlyList<Actor> HandlingEditorsOf(Guid journal) => [.. Staff.Single(j => j.Id == journal).HandlingEditors.Select(p => p.Actor)];
        public int People => Authors.Length + Staff.Sum(j => 1 + j.HandlingEditors.Length + j.Reviewers.Length);
    }

    public async Task<GenerationReport> Generate(GenerationPlan plan, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var factsBefore = await countFacts();
        var cast = await Assemble(plan, cancellationToken);
        progress?.WriteLine($"{cast.People:N0} people and {cast.Staff.Count} journals ready in {started.Elapsed.TotalSeconds:0.0} s; generating {plan.Submissions:N0} submissions...");
        await WriteLives(plan, cast, 0, plan.Submissions, cancellationToken, done =>
        {
            if (progress is not null && done % Math.Max(1, plan.Submissions / 20) == 0)
                progress.WriteLine($"  {done:N0} of {plan.Submissions:N0} submissions, {_commands:N0} commands, {started.Elapsed.TotalSeconds:0} s");
        });
        var truth = plan.PlantsManipulation ? await Plant(plan, cast) : new GroundTruth(new Dictionary<string, IReadOnlyList<Guid>>());
        return new GenerationReport(cast.Staff.Count, cast.People, plan.Submissions, _commands, await countFacts() - factsBefore, started.Elapsed, [.. _problems]) { Truth = truth };
    }

    /// <summary>Registers the plan's people and founds its journals, at the start of the simulated past.</summary>
    public async Task<Cast> Assemble(GenerationPlan plan, CancellationToken cancellationToken = default)
    {
        var anchor = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero);
        var ids = new Ids(plan.Seed);
        var faker = new Faker("en") { Random = new Randomizer(plan.Seed) };
        var institutions = Enumerable.Range(0, 400).Select(_ => faker.PickRandom(
            $"University of {faker.Address.City()}", $"{faker.Address.City()} Institute of Ecology", $"{faker.Name.LastName()} College",
            $"{faker.Address.State()} State University", $"{faker.Address.City()} Research Centre")).Distinct().ToArray();

        Persona Person(string kind, int n) => SyntheticJournals.Person(faker, ids, institutions, kind, n);
        var authors = Enumerable.Range(0, Math.Max(20, plan.Submissions / 3)).Select(n => Person("author", n)).ToArray();
        var journals = new List<Staffed>();
        for (var j = 0; j < plan.Journals; j++)
        {
            var perJournal = plan.Submissions / plan.Journals;
            journals.Add(new Staffed(ids.Of("journal", j), $"Journal of {Capital(faker.Commerce.Department())} {faker.PickRandom("Ecology", "Field Studies", "Environmental Change", "Biogeography")} {j + 1}",
                Person($"eic-{j}", 0),
                Enumerable.Range(0, Math.Clamp(perJournal / 800, 3, 40)).Select(n => Person($"he-{j}", n)).ToArray(),
                Enumerable.Range(0, Math.Max(12, perJournal / 4)).Select(n => Person($"reviewer-{j}", n)).ToArray()));
        }

        var founded = anchor.AddDays(-GenerationPlan.HistoryDays - 30);
        var everyone = authors.Concat(journals.SelectMany(j => j.HandlingEditors.Concat(j.Reviewers).Prepend(j.EditorInChief)));
        await Parallel.ForEachAsync(everyone, Options(plan, cancellationToken), async (person, _) => await Register(person, ids, founded));
        foreach (var journal in journals) await Found(journal, ids, faker, founded);
        return new Cast(ids, anchor, journals, authors);
    }

    /// <summary>
    /// Writes the lives numbered <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1, each on its own
    /// submission, <see cref="GenerationPlan.Writers"/> at a time, until done or cancelled; a life refused or failed is noted and the rest go on.
    /// </summary>
    public async Task WriteLives(GenerationPlan plan, Cast cast, int from, int count, CancellationToken cancellationToken = default, Action<int>? lived = null)
    {
        var done = 0;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(from, count), Options(plan, cancellationToken), async (n, _) =>
            {
                try
                {
                    await Live(n, plan, cast.Ids, cast.Anchor, cast.Staff[n % cast.Staff.Count], cast.Authors);
                }
                catch (Refused refused)
                {
                    _problems.Enqueue($"submission {n}: {refused.Message}");
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    _problems.Enqueue($"submission {n} failed: {failure.GetType().Name}: {failure.Message}");
                }
                lived?.Invoke(Interlocked.Increment(ref done));
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller asked for as many lives as fit in its time.
        }
    }

    /// <summary>Commands given so far, and what was refused or failed.</summary>
    public long Commands => Interlocked.Read(ref _commands);
    public IReadOnlyList<string> Problems => [.. _problems];

    private static ParallelOptions Options(GenerationPlan plan, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = plan.Writers, CancellationToken = cancellationToken };

    private static Persona Person(Faker faker, Ids ids, string[] institutions, string kind, int n)
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        var institution = faker.PickRandom(institutions);
        // Some honest people use a webmail address: the integrity detectors must not take that alone for a sign.
        var domain = faker.Random.Bool(0.08f) ? faker.PickRandom(WebmailDomains) : $"{Slug(institution).Replace('.', '-')}.example";
        return new Persona(new Actor(ids.Of(kind, n), $"{first} {last}", $"{Slug(first + "." + last)}.{kind}{n}@{domain}"), institution);
    }

    private async Task Register(Persona person, Ids ids, DateTimeOffset at)
    {
        clock.Begin(at);
        var (actor, affiliation) = person;
        await Do(actor.Account, new RegisterAccount(actor.Name, actor.Email, affiliation, null, PasswordHash), Actor.System, ids.Command(actor.Email));
    }

    private async Task Found(Staffed journal, Ids ids, Faker faker, DateTimeOffset at)
    {
        clock.Begin(at.AddDays(1));
        await Do(journal.Id, new CreateJournal(journal.Title, null, $"A generated journal: {faker.Lorem.Sentence(12)}",
            [ManuscriptType.ResearchArticle, ManuscriptType.ReviewArticle, ManuscriptType.ShortCommunication], ReviewMode.SingleBlind, ReviewsRequired: 2),
            Actor.System, ids.Command($"{journal.Id}-create"));
        await Do(journal.Id, new GrantJournalRole(journal.EditorInChief.Account, JournalRole.EditorInChief), Actor.System, ids.Command($"{journal.Id}-eic"));
        foreach (var editor in journal.HandlingEditors)
            await Do(journal.Id, new GrantJournalRole(editor.Account, JournalRole.HandlingEditor), Actor.System, ids.Command($"{journal.Id}-he-{editor.Account}"));
        // A board of regular reviewers; anyone with an account can still be invited to review.
        foreach (var reviewer in journal.Reviewers.Take(30))
            await Do(journal.Id, new GrantJournalRole(reviewer.Account, JournalRole.Reviewer), Actor.System, ids.Command($"{journal.Id}-reviewer-{reviewer.Account}"));
    }

    private async Task Live(int n, GenerationPlan plan, Ids ids, DateTimeOffset anchor, Staffed journal, Persona[] authors)
    {
        var random = new Randomizer(unchecked(plan.Seed * 1_000_003 + n));
        var text = new ScienceText(random);
        var fate = Pick(random);
        var submission = ids.Of("submission", n);
        var step = 0;
        clock.Begin(Start(fate, random, anchor));

        async Task<CommandOutcome.Accepted> Act(Actor actor, SubmissionCommand command, double minHours, double maxHours)
        {
            clock.Advance(TimeSpan.FromHours(random.Double(minHours, maxHours)));
            return await Do(submission, command, actor, ids.Command($"{submission}-{step++}"));
        }

        var writer = authors[random.Number(authors.Length - 1)];
        var author = writer.Actor;
        var coauthors = Choose(random, authors, random.Number(0, 4), p => p.Account == author.Account);
        var title = text.Title();
        await Act(author, new StartSubmission(journal.Id, random.WeightedRandom([ManuscriptType.ResearchArticle, ManuscriptType.ReviewArticle, ManuscriptType.ShortCommunication], [0.8f, 0.1f, 0.1f])), 0, 0);
        await Act(author, new SetTitle(title), 0, 0.2);
        if (fate == Fate.Draft)
        {
            if (random.Bool()) await Act(author, new SetAbstract(text.Abstract(title)), 0, 48);
            return;
        }
        await Act(author, new SetAbstract(text.Abstract(title)), 0, 2);
        await Act(author, new SetKeywords(text.Keywords()), 0, 0.5);
        await Act(author, new SetAuthors([new ContributingAuthor(author.Name, author.Email, writer.Affiliation, null, true),
            .. coauthors.Select(c => new ContributingAuthor(c.Actor.Name, c.Actor.Email, c.Affiliation, null, false))]), 0, 0.5);
        // A quarter of authors suggest reviewers from the journal's board, as journals invite them to.
        var excluded = (Persona p) => p.Account == author.Account || coauthors.Append(writer).Any(w => w.Account == p.Account || w.Affiliation == p.Affiliation);
        var suggested = random.Bool(0.25f) ? Choose(random, journal.Reviewers, random.Number(1, 2), excluded) : [];
        if (suggested.Length > 0)
            await Act(author, new SetReviewerPreferences([.. suggested.Select(p => new ReviewerPreference(p.Actor.Name, p.Actor.Email, "Has worked on this question.", false))]), 0, 0.5);
        await AttachFile(submission, title, "manuscript.pdf", author, ids.Command($"{submission}-{step++}"), random);
        await Act(author, new SubmitManuscript(), 0, 24);
        if (fate == Fate.Submitted) return;

        var chief = journal.EditorInChief.Actor;
        if (fate == Fate.DeskRejected)
        {
            await Act(chief, new DeskReject(Letter(DecisionKind.DeskReject, author, title, journal, chief, "")), 2, 96);
            return;
        }
        var editor = random.ArrayElement(journal.HandlingEditors).Actor;
        await Act(chief, new AssignHandlingEditor(editor.Account), 2, 96);
        if (fate == Fate.WithEditor) return;
        if (fate == Fate.Withdrawn)
        {
            await Act(author, new RequestWithdrawal(text.WithdrawalReason()), 24, 24 * 20);
            await Act(editor, new ConfirmWithdrawal(), 1, 72);
            return;
        }

        // Nobody reviews a manuscript from their own institution, by its authors or its handling editor.
        var writers = coauthors.Append(writer).ToArray();
        var asked = Choose(random, journal.Reviewers, 6, p => p.Account == editor.Account || writers.Any(w => w.Account == p.Account || w.Affiliation == p.Affiliation))
            .Select(p => p.Actor).ToArray();
        // Editors often take up one of the authors' suggestions.
        if (suggested.FirstOrDefault(p => p.Account != editor.Account) is { } taken && random.Bool(0.4f))
            asked = [taken.Actor, .. asked.Where(a => a.Account != taken.Account)];
        var reviewers = new List<(Guid Assignment, Actor Reviewer)>();
        var invited = 0;
        foreach (var reviewer in asked.Take(random.Number(2, 4)))
        {
            var assignment = ids.Of($"assignment-{submission}", invited++);
            await Act(editor, new InviteReviewer(assignment, reviewer.Account, clock.GetUtcNow().AddDays(8), clock.GetUtcNow().AddDays(30)), 1, 48);
            if (fate == Fate.Invited) continue;
            if (random.Bool(0.2f)) await Act(reviewer, new DeclineInvitation(assignment, "I do not have time at the moment."), 1, 24 * 5);
            else
            {
                await Act(reviewer, new AcceptInvitation(assignment), 1, 24 * 5);
                reviewers.Add((assignment, reviewer));
            }
        }
        if (fate is Fate.Invited or Fate.Reviewing) return;

        // Two reviews are required: invite until two have accepted.
        foreach (var reviewer in asked.Skip(invited).Take(Math.Max(0, 2 - reviewers.Count)))
        {
            var assignment = ids.Of($"assignment-{submission}", invited++);
            await Act(editor, new InviteReviewer(assignment, reviewer.Account, clock.GetUtcNow().AddDays(8), clock.GetUtcNow().AddDays(30)), 1, 48);
            await Act(reviewer, new AcceptInvitation(assignment), 1, 24 * 5);
            reviewers.Add((assignment, reviewer));
        }
        var recommendations = new List<Recommendation>();
        foreach (var (assignment, reviewer) in reviewers)
        {
            var recommendation = random.Enum<Recommendation>();
            recommendations.Add(recommendation);
            // A few reviewers are quick by habit, and honest: a fast review alone is no sign.
            var (soonest, latest) = QuickByHabit(reviewer) ? (12, 40) : (24 * 5, 24 * 20);
            await Act(reviewer, new SubmitReview(assignment, recommendation, text.Review(), text.ConfidentialNote()), soonest, latest);
        }
        if (fate == Fate.ReadyForDecision) return;

        var first = fate switch
        {
            Fate.Rejected => random.Bool(0.7f) ? DecisionKind.Reject : DecisionKind.MajorRevision,
            Fate.Accepted => random.WeightedRandom([DecisionKind.Accept, DecisionKind.MinorRevision, DecisionKind.MajorRevision], [0.35f, 0.4f, 0.25f]),
            _ => random.Bool() ? DecisionKind.MinorRevision : DecisionKind.MajorRevision
        };
        await Act(editor, new RecordDecision(first, Letter(first, author, title, journal, editor, "Reviewer 1:\n" + text.Review())), 24, 24 * 10);
        if (first is DecisionKind.Accept or DecisionKind.Reject || fate == Fate.RevisionRequested) return;

        // The author answers with a second version, and the reviewers of the first round are asked to look again.
        var revisedTitle = random.Bool(0.3f) ? text.Title() : title;
        if (revisedTitle != title) await Act(author, new SetTitle(revisedTitle), 24 * 10, 24 * 40);
        await Act(author, new SetAbstract(text.Abstract(revisedTitle)), 24, 24 * 20);
        await AttachFile(submission, revisedTitle, "manuscript-revised.pdf", author, ids.Command($"{submission}-{step++}"), random);
        await Act(author, new SubmitRevision(text.Revision()), 0, 24);
        var reinvited = await Act(editor, new ReinvitePreviousReviewers(clock.GetUtcNow().AddDays(10), clock.GetUtcNow().AddDays(30)), 1, 48);
        if (fate == Fate.Revised) return;
        var secondRound = reinvited.Facts.OfType<ReviewerInvited>().Select(i => (i.Assignment, Reviewer: reviewers.First(r => r.Reviewer.Account == i.Reviewer).Reviewer)).ToArray();
        // Four answers within a week: the reinvitation asked for them within ten days.
        foreach (var (assignment, reviewer) in secondRound)
            await Act(reviewer, new AcceptInvitation(assignment), 1, 24);
        foreach (var (assignment, reviewer) in secondRound)
            await Act(reviewer, new SubmitReview(assignment, fate == Fate.Accepted ? Recommendation.Accept : Recommendation.Reject, text.Review(), ""), 24 * 3, 24 * 15);
        var last = fate == Fate.Accepted ? DecisionKind.Accept : DecisionKind.Reject;
        await Act(editor, new RecordDecision(last, Letter(last, author, revisedTitle, journal, editor, "Reviewer 1:\n" + text.Review())), 24, 24 * 7);
    }

    // Open lives start recently enough to still be open today; finished ones anywhere in the last three years.
    private static DateTimeOffset Start(Fate fate, Randomizer random, DateTimeOffset anchor) => anchor.AddDays(-(fate switch
    {
        Fate.Draft => random.Double(1, 30),
        Fate.Submitted => random.Double(2, 5),
        Fate.WithEditor => random.Double(6, 12),
        Fate.Invited => random.Double(8, 12),
        Fate.Reviewing => random.Double(20, 26),
        Fate.ReadyForDecision => random.Double(80, 95),
        Fate.RevisionRequested => random.Double(110, 130),
        Fate.Revised => random.Double(200, 230),
        _ => random.Double(240, GenerationPlan.HistoryDays)
    }));

    private static Fate Pick(Randomizer random) =>
        random.WeightedRandom(Fates.Select(f => f.Fate).ToArray(), Fates.Select(f => (float)f.Weight / Fates.Sum(x => x.Weight)).ToArray());

    private static string Letter(DecisionKind decision, Actor author, string title, Staffed journal, Actor editor, string reviews) =>
        DecisionLetterTemplate.For(DecisionLetterTemplate.Defaults, decision).Compose(author.Name, title, journal.Title, editor.Name, reviews);

    private async Task AttachFile(Guid submission, string title, string fileName, Actor author, CommandOptions options, Randomizer random)
    {
        clock.Advance(TimeSpan.FromHours(random.Double(0, 2)));
        using var pdf = new MemoryStream(SamplePdf.WithTitle(title));
        var started = Stopwatch.GetTimestamp();
        var outcome = await intake.Attach(submission, fileName, pdf, author, options);
        observe?.Invoke(Stopwatch.GetElapsedTime(started));
        Expect(outcome, $"attach {fileName}");
    }

    private async Task<CommandOutcome.Accepted> Do(Guid stream, object command, Actor actor, CommandOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = command switch
        {
            SubmissionCommand c => await desk.Execute(stream, c, actor, options),
            JournalCommand c => await desk.Execute(stream, c, actor, options),
            AccountCommand c => await desk.Execute(stream, c, actor, options),
            _ => throw new ArgumentException($"Not a command: {command.GetType().Name}", nameof(command))
        };
        observe?.Invoke(Stopwatch.GetElapsedTime(started));
        return Expect(outcome, command.GetType().Name);
    }

    private CommandOutcome.Accepted Expect(CommandOutcome outcome, string what)
    {
        Interlocked.Increment(ref _commands);
        return outcome as CommandOutcome.Accepted ?? throw new Refused($"{what} was refused: {((CommandOutcome.Refused)outcome).Refusal.Message}");
    }

    // A few distinct people, drawn by index: shuffling a pool of thousands for every submission would cost more than the writing.
    private static Persona[] Choose(Randomizer random, Persona[] pool, int count, Func<Persona, bool> excluded)
    {
        var chosen = new List<Persona>();
        for (var tries = 0; chosen.Count < count && tries < count * 10; tries++)
        {
            var candidate = pool[random.Number(pool.Length - 1)];
            if (!excluded(candidate) && !chosen.Contains(candidate)) chosen.Add(candidate);
        }
        return [.. chosen];
    }

    private static bool QuickByHabit(Actor reviewer) => reviewer.Account.GetHashCode() % 25 == 0;

    private static string Slug(string text) => new(text.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or '.').ToArray());

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Ids and command ids drawn from the seed, so that a second run with the same seed finds everything done.</summary>
    internal sealed class Ids(int seed)
    {
        public Guid Of(string kind, int n) => Hash($"{kind}:{n}");

        public CommandOptions Command(string key) => new(Hash("command:" + key));

        private Guid Hash(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes($"synthetic:{seed}:{key}")));
    }
}
