using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.People;
using EditorialPortal.Submissions;

namespace EditorialPortal.Demo;

public sealed record DemoPerson(Guid Id, string Name, string Email, string Affiliation, string? Orcid, JournalRole? Role, string Duty);

/// <summary>
/// The demo journal and one person per role, seeded through the same commands people use. Every command has a
/// fixed id, so seeding again records nothing twice.
/// </summary>
public sealed class DemoJournal(IEditorialDesk desk, ManuscriptIntake intake, ILogger<DemoJournal> logger)
{
    public const string Password = "demo-password";
    public static readonly Guid JournalId = Guid.Parse("5eed0000-0000-4000-8000-000000000001");

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new(Id(1), "Alice Author", "alice@uni-bristol.example", "University of Bristol", "0000-0002-1825-0097", null, "author"),
        new(Id(2), "Bob Coauthor", "bob@ethz.example", "ETH Zürich", null, null, "second author"),
        new(Id(3), "Erin Editor", "erin@utoronto.example", "University of Toronto", null, JournalRole.EditorInChief, "editor-in-chief"),
        new(Id(4), "Hugo Handler", "hugo@uchile.example", "Universidad de Chile", null, JournalRole.HandlingEditor, "handling editor"),
        new(Id(5), "Rita Reviewer", "rita@kyoto-u.example", "Kyoto University", null, JournalRole.Reviewer, "reviewer"),
        new(Id(6), "Pia Production", "pia@demopress.example", "Demo Press", null, JournalRole.ProductionEditor, "production editor"),
        new(Id(7), "Ivan Integrity", "ivan@demopress.example", "Demo Press", null, JournalRole.IntegrityAnalyst, "integrity analyst"),
        new(Id(8), "Ada Admin", "ada@demopress.example", "Demo Press", null, JournalRole.JournalAdministrator, "journal administrator"),
        new(Id(9), "Sam Sysadmin", "sam@demopress.example", "Demo Press", null, null, "system administrator")
    ];

    public static DemoPerson SystemAdministrator => People[^1];

    private static readonly (string Title, string Abstract, string[] Keywords)[] SampleManuscripts =
    [
        ("Soil microbiome shifts after controlled burns in temperate forests",
         "We sampled soil cores before and after prescribed burns at twelve temperate forest sites and sequenced their microbial communities. Fungal diversity fell sharply in the first month and recovered within a year, while bacterial diversity barely changed.",
         ["soil ecology", "fire", "microbiome"]),
        ("A reproducible pipeline for measuring reviewer agreement",
         "Agreement between peer reviewers is often reported but rarely reproducible. We describe an open pipeline that computes agreement statistics from anonymised review records and apply it to three journals.",
         ["peer review", "reproducibility", "meta-research"])
    ];

    public async Task Seed()
    {
        var journal = await desk.Execute(JournalId,
            new CreateJournal("Journal of Demonstrative Results", "1234-5679",
                "A demonstration journal for trying out EditorialPortal: every person and manuscript here is made up.",
                [ManuscriptType.ResearchArticle, ManuscriptType.ReviewArticle, ManuscriptType.ShortCommunication], ReviewMode.SingleBlind, ReviewsRequired: 2),
            Actor.System, Fixed("journal"));
        Expect(journal, "create the demo journal");

        foreach (var person in People)
        {
            Expect(await desk.Execute(person.Id, new RegisterAccount(person.Name, person.Email, person.Affiliation, person.Orcid, Passwords.Hash(Password)),
                Actor.System, Fixed($"account-{person.Email}")), $"register {person.Email}");
            if (person == SystemAdministrator)
                Expect(await desk.Execute(person.Id, new AppointSystemAdministrator(), Actor.System, Fixed($"sysadmin-{person.Email}")), "appoint the system administrator");
            if (person.Role is { } role)
                Expect(await desk.Execute(JournalId, new GrantJournalRole(person.Id, role), Actor.System, Fixed($"role-{person.Email}-{role}")),
                    $"grant {role} to {person.Email}");
        }

        var bob = People[1];
        var bobActing = new Actor(bob.Id, bob.Name, bob.Email);
        for (var i = 0; i < SampleManuscripts.Length; i++)
            await SeedSubmitted(i, SampleManuscripts[i], bobActing, bob);
        logger.LogInformation("Demo journal ready: {Count} people, password {Password}", People.Count, Password);
    }

    private async Task SeedSubmitted(int index, (string Title, string Abstract, string[] Keywords) m, Actor author, DemoPerson person)
    {
        var submission = Id(100 + index);
        string Key(string step) => $"sample-{index}-{step}";
        Expect(await desk.Execute(submission, new StartSubmission(JournalId, ManuscriptType.ResearchArticle), author, Fixed(Key("start"))), "start a sample submission");
        Expect(await desk.Execute(submission, new SetTitle(m.Title), author, Fixed(Key("title"))), "title it");
        Expect(await desk.Execute(submission, new SetAbstract(m.Abstract), author, Fixed(Key("abstract"))), "write its abstract");
        Expect(await desk.Execute(submission, new SetKeywords(m.Keywords), author, Fixed(Key("keywords"))), "give it keywords");
        Expect(await desk.Execute(submission, new SetAuthors([new ContributingAuthor(person.Name, person.Email, person.Affiliation, null, true)]), author, Fixed(Key("authors"))), "list its authors");
        using (var pdf = new MemoryStream(SamplePdf.WithTitle(m.Title)))
            Expect(await intake.Attach(submission, $"manuscript-{index + 1}.pdf", pdf, author, Fixed(Key("file"))), "attach its file");
        Expect(await desk.Execute(submission, new SubmitManuscript(), author, Fixed(Key("submit"))), "submit it");
    }

    private static void Expect(CommandOutcome outcome, string what)
    {
        if (outcome is CommandOutcome.Refused refused)
            throw new InvalidOperationException($"The demo seed could not {what}: {refused.Refusal.Message}");
    }

    private static Guid Id(int n) => Guid.Parse($"5eed0000-0000-4000-8000-{n:D12}");

    // Deterministic command ids make the seed idempotent: a second run finds every command processed already.
    private static CommandOptions Fixed(string key) =>
        new(new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("demo-seed:" + key))));
}
