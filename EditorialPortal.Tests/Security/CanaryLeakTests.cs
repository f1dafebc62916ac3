using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Security;

/// <summary>
/// Canaries in a double-blind journal: people whose names, affiliations and words appear nowhere else. Every page of
/// the portal, every readable API route and every mail each person receives is searched for what they must not learn.
/// </summary>
public sealed class CanaryLeakTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record Canaries(string Author, string Coauthor, string AuthorAffiliation, string FirstReviewer, string SecondReviewer,
        string FirstConfidential, string SecondConfidential);

    private sealed record Reached(int Pages, int ApiResponses, int Mails);

    /// <summary>
    /// The author is also the journal's administrator and the co-author its integrity analyst: record keepers who wrote
    /// the manuscript meet its record exactly as any author does. The letters are composed from the journal's templates
    /// as the decision form pre-fills them ("Dear Aurelia ..."), the early-decision reason, the conflict override and the
    /// message that returned the manuscript name authors and reviewers, the PDF carries the author's name in its
    /// properties and its file name: none of it may reach the other side.
    /// </summary>
    [Fact]
    public async Task In_a_double_blind_journal_no_page_api_response_file_or_mail_tells_authors_of_reviewers_or_reviewers_of_authors()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var c = new Canaries($"Qzauthor{tag}", $"Qzcoauthor{tag}", $"Qzville{tag}", $"Qzreviewerone{tag}", $"Qzreviewertwo{tag}",
            $"QZCONFIDENTIAL-ONE-{tag}", $"QZCONFIDENTIAL-TWO-{tag}");
        var backstage = fixture.Backstage;
        var journal = await backstage.NewJournal(mode: ReviewMode.DoubleBlind);
        var author = await backstage.NewAccount($"Aurelia {c.Author}");
        var coauthor = await backstage.NewAccount($"Cosmo {c.Coauthor}");
        var editor = await backstage.NewAccount("Erin Chief");
        var handling = await backstage.NewAccount("Hugo Handler");
        var first = await backstage.NewAccount($"Rhea {c.FirstReviewer}");
        // At the author's own mail domain, so that inviting them needs an editor's reason for overriding the warning.
        var second = await backstage.NewAccount($"Remy {c.SecondReviewer}", $"remy.{tag}@{author.Email.Split('@')[1]}");
        await backstage.Grant(journal, editor, JournalRole.EditorInChief);
        await backstage.Grant(journal, handling, JournalRole.HandlingEditor);
        await backstage.Grant(journal, author, JournalRole.JournalAdministrator);
        await backstage.Grant(journal, coauthor, JournalRole.IntegrityAnalyst);
        var submission = await ThroughARoundAndARevision(journal, author, coauthor, editor, handling, first, second, c);

        string[] reviewersCanaries = [c.FirstReviewer, c.SecondReviewer, c.FirstConfidential, c.SecondConfidential];
        string[] authorsCanaries = [c.Author, c.Coauthor, c.AuthorAffiliation];
        var reached = new List<Reached>
        {
            await NothingLeaksTo(author, journal.Id, submission, reviewersCanaries),
            await NothingLeaksTo(coauthor, journal.Id, submission, reviewersCanaries),
            await NothingLeaksTo(first, journal.Id, submission, [.. authorsCanaries, c.SecondReviewer, c.SecondConfidential]),
            await NothingLeaksTo(second, journal.Id, submission, [.. authorsCanaries, c.FirstReviewer, c.FirstConfidential])
        };

        // The canaries are there to be found: the handling editor, who may know everyone, meets every one of them in the pages and in the API.
        var editorsPages = string.Join("\n", (await Pages(handling, journal.Id, submission)).Select(p => p.Body));
        var editorsApi = string.Join("\n", (await Api(handling, journal.Id, submission)).Select(p => p.Body));
        Assert.All([.. authorsCanaries, .. reviewersCanaries], canary => Assert.Contains(canary, editorsPages, StringComparison.OrdinalIgnoreCase));
        Assert.All([.. authorsCanaries, .. reviewersCanaries], canary => Assert.Contains(canary, editorsApi, StringComparison.OrdinalIgnoreCase));
        // The PDF as stored names its author, so a reviewer who gets no trace of it got the copy made for them.
        Assert.Contains(c.Author, editorsApi, StringComparison.Ordinal);
        Assert.All(reached, r => Assert.True(r.Pages >= 20 && r.ApiResponses >= 20, $"Too little was searched: {r}"));
        // The author hears of receipt, return and decisions, each reviewer of the invitations; the co-author, who did not submit, is sent nothing.
        Assert.Equal([true, false, true, true], reached.Select(r => r.Mails >= 2));
    }

    private async Task<Guid> ThroughARoundAndARevision(JournalRef journal, PersonAccount author, PersonAccount coauthor, PersonAccount editor,
        PersonAccount handling, PersonAccount first, PersonAccount second, Canaries c)
    {
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var intake = fixture.Portal.Services.GetRequiredService<ManuscriptIntake>();
        var submission = Guid.CreateVersion7();
        var now = fixture.Clock.GetUtcNow();
        Actor As(PersonAccount p) => new(p.Id, p.Name, p.Email);
        async Task Do(PersonAccount who, SubmissionCommand command) =>
            Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(submission, command, As(who)));
        var (firstInvitation, secondInvitation) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        string Letter(DecisionKind decision, string reviews) =>
            DecisionLetterTemplate.For(DecisionLetterTemplate.Defaults, decision).Compose(author.Name, "Blind tides", journal.Title, handling.Name, reviews);

        await Do(author, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle));
        await Do(author, new SetTitle("Blind tides"));
        await Do(author, new SetAbstract("We measured the tides without telling anyone who we are."));
        await Do(author, new SetKeywords(["tides"]));
        await Do(author, new SetAuthors([new ContributingAuthor(author.Name, author.Email, $"{c.AuthorAffiliation} Institute", null, true),
            new ContributingAuthor(coauthor.Name, coauthor.Email, $"{c.AuthorAffiliation} Institute", null, false)]));
        Assert.IsType<CommandOutcome.Accepted>(await intake.Attach(submission, $"{c.Author}_final.pdf",
            new MemoryStream(SamplePdfs.ByAuthor("Blind tides", author.Name)), As(author)));
        await Do(author, new SubmitManuscript());
        await Do(editor, new ReturnToAuthor($"Dear {author.Name}, please add line numbers and send it again."));
        await Do(author, new SubmitManuscript());
        await Do(editor, new AssignHandlingEditor(handling.Id));
        await Do(handling, new InviteReviewer(firstInvitation, first.Id, now.AddDays(7), now.AddDays(28)));
        await Do(handling, new InviteReviewer(secondInvitation, second.Id, now.AddDays(7), now.AddDays(28),
            $"{second.Name} shares a mail domain with {author.Name} but works in another faculty."));
        await Do(first, new AcceptInvitation(firstInvitation));
        await Do(second, new AcceptInvitation(secondInvitation));
        await Do(first, new SubmitReview(firstInvitation, Recommendation.MajorRevision, "Validate the model.", c.FirstConfidential));
        await Do(second, new SubmitReview(secondInvitation, Recommendation.MinorRevision, "Shorten the introduction.", c.SecondConfidential));
        await Do(handling, new RecordDecision(DecisionKind.MajorRevision, Letter(DecisionKind.MajorRevision,
            "Reviewer 1: Validate the model.\n\nReviewer 2: Shorten the introduction.")));
        Assert.IsType<CommandOutcome.Accepted>(await intake.Attach(submission, $"{c.Author}_revised.pdf",
            new MemoryStream(SamplePdfs.ByAuthor("Blind tides, revised", author.Name)), As(author)));
        await Do(author, new SubmitRevision("We validated the model and shortened the introduction."));
        await Do(handling, new ReinvitePreviousReviewers(now.AddDays(7), now.AddDays(28)));
        await Do(handling, new RecordDecision(DecisionKind.Accept, Letter(DecisionKind.Accept, "The reviewers' points are answered."),
            $"{first.Name} and {second.Name} said in round 1 that {author.Name}'s answers would settle it."));
        return submission;
    }

    private async Task<Reached> NothingLeaksTo(PersonAccount person, Guid journal, Guid submission, string[] forbidden)
    {
        var pages = await Pages(person, journal, submission);
        var api = await Api(person, journal, submission);
        var mails = await fixture.Mailbox(person.Email);
        foreach (var (where, body) in pages.Concat(api).Concat(mails.Select(m => ($"mail \"{m.Subject}\"", m.Subject + "\n" + m.Body))))
            foreach (var canary in forbidden)
                Assert.False(body.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{person.Name} learns \"{canary}\" from {where}.");
        return new Reached(pages.Count, api.Count, mails.Count);
    }

    /// <summary>Every page of the portal, as the person's browser first receives it (rendered on the server, with their session).</summary>
    private async Task<IReadOnlyList<(string Where, string Body)>> Pages(PersonAccount person, Guid journal, Guid submission)
    {
        using var client = fixture.Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var (_, cookie) = await WebSecurityTests.SignInThroughTheForm(client, person);
        var seen = new List<(string, string)>();
        foreach (var path in PagePaths(journal, submission))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie!.Split(';')[0]);
            var response = await client.SendAsync(request, Token);
            seen.Add(($"page {path}", await response.Content.ReadAsStringAsync(Token)));
        }
        return seen;
    }

    private static IEnumerable<string> PagePaths(Guid journal, Guid submission) =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Select(template => System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)(:\w+)?\}", m => m.Groups[1].Value switch
            {
                "JournalId" => journal.ToString(),
                "Id" or "SubmissionId" => submission.ToString(),
                _ => "unknown"
            }))
            .Where(path => !path.Contains("unknown", StringComparison.Ordinal))
            .Distinct();

    /// <summary>Every API route a GET reaches, with this submission's and journal's ids, read with the person's token.</summary>
    private async Task<IReadOnlyList<(string Where, string Body)>> Api(PersonAccount person, Guid journal, Guid submission)
    {
        using var client = await fixture.ApiClient(person);
        var routes = fixture.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!).Distinct();
        var seen = new List<(string, string)>();
        foreach (var pattern in routes)
        {
            var paths = pattern.Contains("{queue}", StringComparison.Ordinal)
                ? Enum.GetNames<EditorialQueue>().Select(q => pattern.Replace("{queue}", q, StringComparison.Ordinal))
                : [pattern];
            foreach (var path in paths.Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{(\w+)(:\w+)?\}", m => m.Groups[1].Value switch
                     {
                         "id" when p.StartsWith("/api/journals", StringComparison.Ordinal) => journal.ToString(),
                         "id" => submission.ToString(),
                         _ => "unknown"
                     })).Where(p => !p.Contains("unknown", StringComparison.Ordinal)))
                seen.Add(await Read(client, path));
        }
        // What the routes above answer only when asked so: the record as a browser and as a stream, the submission at
        // every moment of its history, the file as the page shows it inside itself.
        var versions = await FactCount(submission);
        foreach (var path in (string[])[$"/api/submissions/{submission}/manuscript?inline=true", $"/api/history/facts?journal={journal}",
                     $"/api/history/submissions/{submission}/case-file", .. Enumerable.Range(1, versions).Select(v => $"/api/history/submissions/{submission}/as-it-was?version={v}")])
            seen.Add(await Read(client, path));
        seen.Add(await Read(client, $"/api/history/submissions/{submission}", "text/html"));
        seen.Add(await Read(client, $"/api/history/facts?journal={journal}", "application/x-ndjson"));
        return seen;
    }

    /// <summary>A response whole: its headers (a file's name travels in one) and its body, files and zips read as bytes.</summary>
    private static async Task<(string Where, string Body)> Read(HttpClient client, string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request, Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        var body = response.Content.Headers.ContentType?.MediaType is "application/pdf" or "application/zip"
            ? Encoding.Latin1.GetString(bytes) + Unzipped(bytes)
            : Encoding.UTF8.GetString(bytes);
        return ($"GET {path}{(accept is null ? "" : $" ({accept})")}", $"{response.Headers}{response.Content.Headers}\n{body}");
    }

    private static string Unzipped(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K') return "";
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Join("\n", zip.Entries.Select(e =>
        {
            using var entry = e.Open();
            using var text = new StreamReader(entry, Encoding.Latin1);
            return e.FullName + "\n" + text.ReadToEnd();
        }));
    }

    private async Task<int> FactCount(Guid submission)
    {
        await using var session = fixture.Portal.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        return (int)((await session.Events.FetchStreamStateAsync(submission, Token))?.Version ?? 0);
    }
}
