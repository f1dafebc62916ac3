using Bogus;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;

namespace EditorialPortal.Generation;

/// <summary>
/// What was planted in a generated record, by the detector meant to find it: the manuscripts each kind of manipulation
/// touched. Written beside the record for measuring the detectors, and never read by them.
/// </summary>
public sealed record GroundTruth(IReadOnlyDictionary<string, IReadOnlyList<Guid>> Manuscripts)
{
    /// <summary>How well a detector did: the share of its findings that touch a manuscript planted for it, and the share of those it touched.</summary>
    public sealed record Score(string Detector, int Findings, int TruePositives, int Planted, int Found)
    {
        public double? Precision => Findings == 0 ? null : (double)TruePositives / Findings;
        public double? Recall => Planted == 0 ? null : (double)Found / Planted;
    }

    /// <param name="findings">Each finding of the detector, as the manuscripts it is about.</param>
    public Score Scored(string detector, IReadOnlyList<IReadOnlyList<Guid>> findings)
    {
        var planted = Manuscripts.GetValueOrDefault(detector)?.ToHashSet() ?? [];
        return new Score(detector, findings.Count, findings.Count(f => f.Any(planted.Contains)), planted.Count, planted.Count(m => findings.Any(f => f.Contains(m))));
    }
}

/// <summary>
/// Manipulation mixed into the generated journals, as it happens: a review ring, a paper mill whose manuscripts suggest
/// reviewers who are its own (webmail addresses, accounts opened days before, glowing reviews within hours, in nearly
/// the same words), manuscripts sent to two journals at once, authors added after acceptance, and editors acting on
/// manuscripts they wrote. The last two the rules now forbid, so they are written as facts of a past before the rules.
/// The same seed plants the same, once.
/// </summary>
public sealed partial class SyntheticJournals
{
    private static readonly string[] MillPraise =
    [
        "This is an excellent and timely manuscript on {subject}.",
        "The methods are rigorous and the results are convincing.",
        "The authors have made a significant contribution to the field.",
        "The manuscript is well written and clearly organised.",
        "I recommend publication in its present form without further changes.",
        "The conclusions are fully supported by the data presented.",
        "The literature review is comprehensive and up to date.",
        "This work will be of great interest to the readers of the journal."
    ];

    public async Task<GroundTruth> Plant(GenerationPlan plan, Cast cast)
    {
        var scale = Math.Max(1, plan.Submissions / 5_000);
        var random = new Randomizer(plan.Seed * 7_919 + 17);
        var faker = new Faker("en") { Random = new Randomizer(plan.Seed * 104_729 + 3) };
        var text = new ScienceText(random);
        var truth = new Dictionary<string, List<Guid>>();
        void Planted(string detector, Guid manuscript) => (truth.TryGetValue(detector, out var list) ? list : truth[detector] = []).Add(manuscript);

        await PlantMill(cast, 10 * scale, 3 + scale, random, faker, text, Planted);
        await PlantRing(cast, 3 + scale, random, faker, text, Planted);
        await PlantDuplicates(cast, 4 * scale, random, text, Planted);
        await PlantAuthorshipChanges(cast, 4 * scale, random, text, Planted);
        await PlantEditorConflicts(cast, 2 * scale, random, text, Planted);
        await PlantCaptiveReviewers(cast, 6 * scale, random, faker, text, Planted);
        return new GroundTruth(truth.ToDictionary(t => t.Key, t => (IReadOnlyList<Guid>)[.. t.Value.Distinct()]));
    }

    /// <summary>A mill's manuscripts, each suggesting two of the mill's own reviewers, whom the editor invites.</summary>
    private async Task PlantMill(Cast cast, int manuscripts, int reviewers, Randomizer random, Faker faker, ScienceText text, Action<string, Guid> planted)
    {
        var fakes = Enumerable.Range(0, reviewers)
            .Select(n => new Persona(new Actor(cast.Ids.Of("mill-reviewer", n), faker.Name.FullName(), $"{Slug(faker.Internet.UserName())}.review{n}@{random.ArrayElement(WebmailDomains)}"),
                $"{faker.Address.City()} Research Institute"))
            .ToArray();
        var opened = cast.Anchor.AddDays(-random.Double(120, 400));
        foreach (var fake in fakes) await Register(fake, cast.Ids, opened);
        for (var n = 0; n < manuscripts; n++)
        {
            var journal = cast.Staff[n % cast.Staff.Count];
            var author = new Persona(new Actor(cast.Ids.Of("mill-author", n), faker.Name.FullName(), $"{Slug(faker.Internet.UserName())}.author{n}@{random.ArrayElement(WebmailDomains)}"),
                $"{faker.Address.City()} Institute of Applied Sciences");
            await Register(author, cast.Ids, opened.AddDays(n));
            var suggested = random.ArrayElements(fakes, 2);
            clock.Begin(opened.AddDays(n + 1));
            var life = await Begin(cast, $"mill-{n}", journal, author, text, random,
                [new SetReviewerPreferences([.. suggested.Select(f => new ReviewerPreference(f.Actor.Name, f.Actor.Email, "An expert on exactly this question.", false))])]);
            foreach (var fake in suggested)
            {
                var assignment = await life.Invite(fake, 1, 6);
                await life.Act(fake.Actor, new AcceptInvitation(assignment), 0.1, 1);
                await life.Act(fake.Actor, new SubmitReview(assignment, Recommendation.Accept, MillReview(random, text), ""), 1, 8);
            }
            await life.Decide(DecisionKind.Accept, 6, 24);
            foreach (var detector in new[] { "suggested-reviewer", "near-duplicate-review", "fast-review" }) planted(detector, life.Submission);
        }
    }

    /// <summary>Authors who review one another's manuscripts, favourably, through the same journal.</summary>
    private async Task PlantRing(Cast cast, int members, Randomizer random, Faker faker, ScienceText text, Action<string, Guid> planted)
    {
        var journal = cast.Staff[0];
        var ring = Enumerable.Range(0, members)
            .Select(n => new Persona(new Actor(cast.Ids.Of("ring-member", n), faker.Name.FullName(), $"{Slug(faker.Name.LastName())}.ring{n}@{Slug(faker.Address.City())}-university.example"),
                $"{faker.Address.City()} University"))
            .ToArray();
        var start = cast.Anchor.AddDays(-random.Double(300, 700));
        foreach (var member in ring) await Register(member, cast.Ids, start.AddDays(-200));
        for (var n = 0; n < members * 2; n++)
        {
            var author = ring[n % members];
            clock.Begin(start.AddDays(n * 9));
            var life = await Begin(cast, $"ring-{n}", journal, author, text, random, []);
            // Each member is reviewed by the next and the one before, and reviews both in turn: favours traded.
            foreach (var reviewer in new[] { ring[(n + 1) % members], ring[(n + members - 1) % members] })
            {
                var assignment = await life.Invite(reviewer, 1, 24);
                await life.Act(reviewer.Actor, new AcceptInvitation(assignment), 1, 24);
                await life.Act(reviewer.Actor, new SubmitReview(assignment, random.Bool() ? Recommendation.Accept : Recommendation.MinorRevision, text.Review(), ""), 24 * 2, 24 * 6);
            }
            await life.Decide(DecisionKind.Accept, 24, 24 * 5);
            planted("review-ring", life.Submission);
        }
    }

    /// <summary>
    /// A handling editor who sends every manuscript to the same three reviewers, whom nobody else in the journal invites:
    /// the reviews are ordinary in speed and verdict, and only the channel gives it away.
    /// </summary>
    private async Task PlantCaptiveReviewers(Cast cast, int manuscripts, Randomizer random, Faker faker, ScienceText text, Action<string, Guid> planted)
    {
        var journal = cast.Staff[0];
        Persona Someone(string kind, int n, string affiliation) =>
            new(new Actor(cast.Ids.Of(kind, n), faker.Name.FullName(), $"{Slug(faker.Name.LastName())}.{kind}{n}@{Slug(faker.Address.City())}-institute.example"), affiliation);
        var start = cast.Anchor.AddDays(-random.Double(200, 500));
        var editor = Someone("captive-editor", 0, $"{faker.Address.City()} Institute");
        await Register(editor, cast.Ids, start.AddDays(-300));
        clock.Begin(start.AddDays(-299));
        await Do(journal.Id, new GrantJournalRole(editor.Account, JournalRole.HandlingEditor), Actor.System, cast.Ids.Command($"{journal.Id}-captive-editor"));
        var pool = Enumerable.Range(0, 3).Select(n => Someone("captive-reviewer", n, $"{faker.Address.City()} Institute")).ToArray();
        foreach (var reviewer in pool) await Register(reviewer, cast.Ids, start.AddDays(-250));
        for (var n = 0; n < manuscripts; n++)
        {
            var author = Someone("captive-author", n, $"{faker.Address.City()} University");
            await Register(author, cast.Ids, start.AddDays(n * 6 - 30));
            clock.Begin(start.AddDays(n * 6));
            var life = await Begin(cast, $"captive-{n}", journal, author, text, random, [], assign: false, editor: editor);
            await life.Act(journal.EditorInChief.Actor, new AssignHandlingEditor(editor.Account), 2, 48);
            foreach (var reviewer in random.ArrayElements(pool, 2))
            {
                var assignment = await life.Invite(reviewer, 1, 24);
                await life.Act(reviewer.Actor, new AcceptInvitation(assignment), 2, 48);
                await life.Act(reviewer.Actor, new SubmitReview(assignment, random.ArrayElement(new[] { Recommendation.MinorRevision, Recommendation.MajorRevision, Recommendation.Reject }),
                    text.Review(), ""), 24 * 4, 24 * 12);
            }
            await life.Decide(random.Bool() ? DecisionKind.Accept : DecisionKind.Reject, 24, 24 * 4);
            planted("reviewer-concentration", life.Submission);
        }
    }

    /// <summary>The same manuscript before two journals (one, where there is only one) at the same time.</summary>
    private async Task PlantDuplicates(Cast cast, int pairs, Randomizer random, ScienceText text, Action<string, Guid> planted)
    {
        for (var n = 0; n < pairs; n++)
        {
            var author = cast.Authors[random.Number(cast.Authors.Length - 1)];
            var title = text.Title();
            var summary = text.Abstract(title);
            var start = cast.Anchor.AddDays(-random.Double(20, 600));
            clock.Begin(start);
            var first = await Begin(cast, $"duplicate-{n}-a", cast.Staff[n % cast.Staff.Count], author, text, random, [], title, summary);
            clock.Begin(start.AddDays(random.Double(1, 10)));
            var second = await Begin(cast, $"duplicate-{n}-b", cast.Staff[(n + 1) % cast.Staff.Count], author, text, random, [],
                title.Replace(" in ", " across "), summary);
            planted("duplicate-submission", first.Submission);
            planted("duplicate-submission", second.Submission);
        }
    }

    /// <summary>Accepted manuscripts that then gain an author: a fact of a past when nothing stopped it.</summary>
    private async Task PlantAuthorshipChanges(Cast cast, int count, Randomizer random, ScienceText text, Action<string, Guid> planted)
    {
        for (var n = 0; n < count; n++)
        {
            var journal = cast.Staff[n % cast.Staff.Count];
            var author = cast.Authors[random.Number(cast.Authors.Length - 1)];
            clock.Begin(cast.Anchor.AddDays(-random.Double(100, 700)));
            var life = await Begin(cast, $"authorship-{n}", journal, author, text, random, []);
            foreach (var reviewer in Choose(random, journal.Reviewers, 2, p => p.Account == author.Account || p.Affiliation == author.Affiliation))
            {
                var assignment = await life.Invite(reviewer, 1, 24);
                await life.Act(reviewer.Actor, new AcceptInvitation(assignment), 1, 48);
                await life.Act(reviewer.Actor, new SubmitReview(assignment, Recommendation.MinorRevision, text.Review(), ""), 24 * 5, 24 * 15);
            }
            var accepted = await life.Decide(DecisionKind.Accept, 24, 24 * 5);
            var buyer = cast.Authors[random.Number(cast.Authors.Length - 1)];
            clock.Advance(TimeSpan.FromDays(random.Double(3, 20)));
            await RecordPast(life.Submission, accepted.Version, new AuthorsChanged(life.Submission,
                [new ContributingAuthor(author.Actor.Name, author.Actor.Email, author.Affiliation, null, true), new ContributingAuthor(buyer.Actor.Name, buyer.Actor.Email, buyer.Affiliation, null, false)],
                author.Account, clock.GetUtcNow()));
            planted("authorship-change", life.Submission);
        }
    }

    /// <summary>A handling editor who is a co-author of the manuscript, assigned to it and inviting its reviewers.</summary>
    private async Task PlantEditorConflicts(Cast cast, int count, Randomizer random, ScienceText text, Action<string, Guid> planted)
    {
        for (var n = 0; n < count; n++)
        {
            var journal = cast.Staff[n % cast.Staff.Count];
            var author = cast.Authors[random.Number(cast.Authors.Length - 1)];
            var editor = random.ArrayElement(journal.HandlingEditors);
            clock.Begin(cast.Anchor.AddDays(-random.Double(100, 700)));
            var life = await Begin(cast, $"conflict-{n}", journal, author, text, random,
                [new SetAuthors([new ContributingAuthor(author.Actor.Name, author.Actor.Email, author.Affiliation, null, true),
                    new ContributingAuthor(editor.Actor.Name, editor.Actor.Email, editor.Affiliation, null, false)])], assign: false);
            var reviewer = Choose(random, journal.Reviewers, 1, p => p.Account == author.Account || p.Account == editor.Account)[0];
            clock.Advance(TimeSpan.FromHours(random.Double(2, 48)));
            var assigned = new HandlingEditorAssigned(life.Submission, editor.Account, journal.EditorInChief.Account, clock.GetUtcNow());
            clock.Advance(TimeSpan.FromHours(random.Double(2, 48)));
            var now = clock.GetUtcNow();
            await RecordPast(life.Submission, life.Version, assigned,
                new ReviewerInvited(life.Submission, cast.Ids.Of($"assignment-conflict-{n}", 0), reviewer.Account, 1, 1, now.AddDays(7), now.AddDays(30), null, editor.Account, now));
            planted("editor-conflict", life.Submission);
        }
    }

    private SimulatedClock Clock => clock;

    private static readonly string[] WebmailDomains = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "163.com", "qq.com"];

    /// <summary>The mill's review: its own few sentences of praise, in an order and with a word or two changed.</summary>
    private static string MillReview(Randomizer random, ScienceText text) =>
        string.Join(" ", random.Shuffle(MillPraise).Take(6).Select(s => s.Replace("{subject}", text.Keywords()[0])));

    /// <summary>A manuscript written, submitted and (unless told not to) given a handling editor: the start of a planted life.</summary>
    /// <remarks>The caller begins the clock's timeline: one begun inside an awaited method does not reach back out of it.</remarks>
    private async Task<PlantedLife> Begin(Cast cast, string key, Staffed journal, Persona author, ScienceText text, Randomizer random,
        IReadOnlyList<SubmissionCommand> extra, string? title = null, string? summary = null, bool assign = true, Persona? editor = null)
    {
        var life = new PlantedLife(this, cast.Ids.Of($"planted-{key}", 0), key, cast.Ids, random, journal, editor);
        title ??= text.Title();
        await life.Act(author.Actor, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), 0, 0);
        await life.Act(author.Actor, new SetTitle(title), 0, 0.2);
        await life.Act(author.Actor, new SetAbstract(summary ?? text.Abstract(title)), 0, 1);
        await life.Act(author.Actor, new SetKeywords(text.Keywords()), 0, 0.5);
        await life.Act(author.Actor, new SetAuthors([new ContributingAuthor(author.Actor.Name, author.Actor.Email, author.Affiliation, null, true)]), 0, 0.5);
        foreach (var command in extra) await life.Act(author.Actor, command, 0, 0.5);
        await AttachFile(life.Submission, title, "manuscript.pdf", author.Actor, cast.Ids.Command($"{life.Submission}-file"), random);
        await life.Act(author.Actor, new SubmitManuscript(), 0, 12);
        if (assign) await life.Act(journal.EditorInChief.Actor, new AssignHandlingEditor(life.Editor.Account), 2, 48);
        return life;
    }

    private sealed class PlantedLife(SyntheticJournals journals, Guid submission, string key, Ids ids, Randomizer random, Staffed journal, Persona? editor)
    {
        private int _step;
        private int _invited;

        public Guid Submission { get; } = submission;
        public Persona Editor { get; } = editor ?? random.ArrayElement(journal.HandlingEditors);
        public long Version { get; private set; }

        public async Task<CommandOutcome.Accepted> Act(Actor actor, SubmissionCommand command, double minHours, double maxHours)
        {
            journals.Clock.Advance(TimeSpan.FromHours(random.Double(minHours, maxHours)));
            var outcome = await journals.Do(Submission, command, actor, ids.Command($"planted-{key}-{_step++}"));
            Version = outcome.Version;
            return outcome;
        }

        public async Task<Guid> Invite(Persona reviewer, double minHours, double maxHours)
        {
            var assignment = ids.Of($"assignment-planted-{key}", _invited++);
            var now = journals.Clock.GetUtcNow();
            await Act(Editor.Actor, new InviteReviewer(assignment, reviewer.Account, now.AddDays(8), now.AddDays(30)), minHours, maxHours);
            return assignment;
        }

        public Task<CommandOutcome.Accepted> Decide(DecisionKind decision, double minHours, double maxHours) =>
            Act(Editor.Actor, new RecordDecision(decision, $"Dear author,\n\nThe decision on your manuscript: {decision}.\n\n{Editor.Actor.Name}", null), minHours, maxHours);
    }

    /// <summary>Facts of a past the rules now forbid, written straight to the record once: a second run finds the stream past the version and writes nothing.</summary>
    private async Task RecordPast(Guid submission, long afterVersion, params IHistoricalFact[] facts)
    {
        if (recordPast is null) throw new InvalidOperationException("This generator cannot write facts of the past.");
        await recordPast(submission, afterVersion, facts);
    }
}
