using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using EditorialPortal.Api;
using EditorialPortal.Contracts.History;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Http;

/// <summary>The HTTP actor: the REST API of the real portal on a real PostgreSQL, signed in with a bearer token.</summary>
public sealed partial class HttpProtocol(PortalFixture fixture) : IProtocol
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Kind => "HTTP";

    public Backstage Backstage => fixture.Backstage;

    public async Task<(IEditorialAbility? Ability, string? Problem)> TrySignIn(string email, string password)
    {
        var client = fixture.Portal.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            client.Dispose();
            return (null, problem.GetProperty("detail").GetString());
        }
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return (new HttpAbility(client), null);
    }

    public Task<SeenRefusal?> Register(string name, string email, string password) =>
        Visit("/api/account/register", new { name, email, password, affiliation = "University of Scenarios" });

    public async Task<SeenRefusal?> FollowConfirmationLink(string email)
    {
        var token = await LinkMailedTo(email, "Confirm your email address", "/account/confirm");
        return await Visit("/api/account/confirm", new { token });
    }

    public Task AskForPasswordReset(string email) => Visit("/api/account/forgot-password", new { email });

    public async Task<SeenRefusal?> FollowPasswordResetLink(string email, string newPassword)
    {
        var token = await LinkMailedTo(email, "Reset your EditorialPortal password", "/account/reset-password");
        return await Visit("/api/account/reset-password", new { token, password = newPassword });
    }

    public Task<IReadOnlyList<SeenMail>> Mailbox(string email) => fixture.Mailbox(email);

    public async Task<SeenRefusal?> AnswerInvitationFromTheMail(string email, bool accept, string? reason = null, string? suggestion = null)
    {
        var token = Direct.DirectProtocol.InvitationToken((await Mailbox(email)).Last(m => m.Body.Contains("/invitations/", StringComparison.Ordinal)).Body);
        using var client = fixture.Portal.CreateClient();
        var opened = await client.GetAsync($"/api/invitations/{token}");
        if (!opened.IsSuccessStatusCode) return await Refusal(opened);
        var response = accept
            ? await client.PostAsync($"/api/invitations/{token}/accept", null)
            : await client.PostAsJsonAsync($"/api/invitations/{token}/decline", new { reason, suggestedReviewer = suggestion });
        return response.IsSuccessStatusCode ? null : await Refusal(response);
    }

    private async Task<string> LinkMailedTo(string email, string subject, string path) =>
        System.Web.HttpUtility.ParseQueryString((await fixture.LinkMailedTo(email, subject, path)).Query)["token"]!;

    private async Task<SeenRefusal?> Visit(string path, object body)
    {
        using var client = fixture.Portal.CreateClient();
        var response = await client.PostAsJsonAsync(path, body, Json);
        return response.IsSuccessStatusCode ? null : await Refusal(response);
    }

    private sealed partial class HttpAbility(HttpClient client) : IEditorialAbility
    {
        public async Task<(Guid? Submission, SeenRefusal? Refusal)> StartSubmission(Guid journal, ManuscriptType type)
        {
            var response = await client.PostAsJsonAsync("/api/submissions", new { journal, type }, Json);
            if (!response.IsSuccessStatusCode) return (null, await Refusal(response));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("id").GetGuid(), null);
        }

        /// <summary>
        /// Follows the submission's link for the command, as a client would; where the portal offers none (the command would be
        /// refused), posts to the route table's address all the same, to hear the refusal the portal gives.
        /// </summary>
        public async Task<SeenRefusal?> Execute(Guid submission, SubmissionCommand command)
        {
            var route = SubmissionRoutes.For(command.GetType())
                ?? throw new ArgumentOutOfRangeException(nameof(command), command, "The route table has no route for this command");
            var self = $"/api/submissions/{submission}";
            var shown = await client.GetAsync(self);
            var href = shown.IsSuccessStatusCode && (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("_links").TryGetProperty(route.Rel, out var link)
                ? link.GetProperty("href").GetString()!
                : $"{self}/{route.Path}";
            var response = await client.PostAsync(href, JsonContent.Create(command, command.GetType(), options: Json));
            return response.IsSuccessStatusCode ? null : await Refusal(response);
        }

        public async Task<SeenRefusal?> AttachManuscript(Guid submission, string fileName, byte[] content)
        {
            using var body = new ByteArrayContent(content);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            body.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
            var response = await client.PostAsync($"/api/submissions/{submission}/manuscript", body);
            return response.IsSuccessStatusCode ? null : await Refusal(response);
        }

        public async Task<IReadOnlyList<QueuedManuscript>?> NeedingAnEditorWithoutAConflict(Guid journal)
        {
            var response = await client.GetAsync($"/api/journals/{journal}/needs-an-editor-without-a-conflict");
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
                .Select(i => new QueuedManuscript(i.GetProperty("submission").GetGuid(), i.GetProperty("title").GetString()!))];
        }

        public async Task<IReadOnlyList<QueuedManuscript>?> NewSubmissions(Guid journal)
        {
            var response = await client.GetAsync($"/api/journals/{journal}/queues/new-submissions");
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return [.. body.GetProperty("items").EnumerateArray()
                .Select(i => new QueuedManuscript(i.GetProperty("submission").GetGuid(), i.GetProperty("title").GetString()!))];
        }

        public async Task<SubmissionSighting?> Open(Guid submission)
        {
            var response = await client.GetAsync($"/api/submissions/{submission}");
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            var state = await response.Content.ReadFromJsonAsync<JsonElement>();
            var historyLink = state.GetProperty("_links").GetProperty("history").GetProperty("href").GetString()!;
            var history = await client.GetFromJsonAsync<SubmissionHistory>(historyLink, Json);
            return new SubmissionSighting(
                Describe(state.GetProperty("status").GetString()!),
                state.GetProperty("title").GetString()!,
                [.. history!.Facts.Select(f => f.Summary!)],
                [.. state.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)]);
        }

        public async Task<SubmissionSighting?> OpenAsItWas(Guid submission, long version)
        {
            var response = await client.GetAsync($"/api/history/submissions/{submission}/as-it-was?version={version}");
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            var then = await response.Content.ReadFromJsonAsync<JsonElement>();
            var history = await client.GetFromJsonAsync<SubmissionHistory>(then.GetProperty("_links").GetProperty("history").GetProperty("href").GetString()!, Json);
            return new SubmissionSighting(
                Describe(then.GetProperty("status").GetString()!),
                then.GetProperty("title").GetString()!,
                [.. history!.Facts.Select(f => f.Summary!)],
                [.. then.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)]);
        }

        public async Task<string?> ReadRecordOf(Guid submission)
        {
            var response = await client.GetAsync($"/api/history/submissions/{submission}");
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync();
        }

        public async Task<IReadOnlyList<(Guid Stream, long Version)>?> VerifyRecord()
        {
            var response = await client.PostAsync("/api/history/verification", null);
            if (response.StatusCode == HttpStatusCode.Forbidden) return null;
            response.EnsureSuccessStatusCode();
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            return [.. report.GetProperty("breaks").EnumerateArray().Select(b => (b.GetProperty("stream").GetGuid(), b.GetProperty("version").GetInt64()))];
        }

        public async Task<SeenRefusal?> Grant(Guid journal, string email, JournalRole role)
        {
            var response = await client.PostAsJsonAsync($"/api/journals/{journal}/staff", new { email, role }, Json);
            return response.IsSuccessStatusCode ? null : await Refusal(response);
        }

        public async Task<SeenRefusal?> Revoke(Guid journal, Guid account, JournalRole role)
        {
            var response = await client.DeleteAsync($"/api/journals/{journal}/staff/{account}/{role}");
            return response.IsSuccessStatusCode ? null : await Refusal(response);
        }

        public async Task<IReadOnlyList<string>> ReviewerJournals() =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/me/reviewing")).EnumerateArray().Select(j => j.GetProperty("title").GetString()!)];

        public Task<SeenRefusal?> InviteReviewer(Guid submission, string email, string? conflictReason = null)
        {
            var now = DateTimeOffset.UtcNow;
            return Post($"/api/submissions/{submission}/reviewers", new { email, respondBy = now.AddDays(7), reviewDue = now.AddDays(28), conflictOverride = conflictReason });
        }

        public async Task<SeenRefusal?> AnswerInvitation(Guid submission, bool accept, string? reason = null, string? suggestion = null) =>
            await OpenInvitation(submission) is not { } invitation
                ? new SeenRefusal("NotAuthorised", [])
                : await Post($"/api/submissions/{submission}/invitations/{invitation}/{(accept ? "acceptance" : "declination")}", new { reason, suggestedReviewer = suggestion });

        public async Task<SeenRefusal?> SubmitReview(Guid submission, Recommendation recommendation, string commentsToAuthor, string confidentialCommentsToEditor) =>
            await OpenInvitation(submission) is not { } invitation
                ? new SeenRefusal("NotAuthorised", [])
                : await Post($"/api/submissions/{submission}/invitations/{invitation}/review", new { recommendation, commentsToAuthor, confidentialCommentsToEditor });

        public Task<SeenRefusal?> Decide(Guid submission, DecisionKind decision, string letter, string? earlyDecisionReason = null) =>
            Post($"/api/submissions/{submission}/decision", new { decision, letter, earlyDecisionReason });

        public async Task<IReadOnlyList<SeenReview>> ReviewsShown(Guid submission)
        {
            var response = await client.GetAsync($"/api/submissions/{submission}");
            if (!response.IsSuccessStatusCode) return [];
            var state = await response.Content.ReadFromJsonAsync<JsonElement>();
            return [.. state.GetProperty("assignments").EnumerateArray()
                .Where(a => a.GetProperty("review").ValueKind == JsonValueKind.Object)
                .OrderBy(a => a.GetProperty("round").GetInt32()).ThenBy(a => a.GetProperty("reviewerNumber").GetInt32())
                .Select(a => new SeenReview(
                    a.GetProperty("reviewer").GetGuid() == Guid.Empty ? $"Reviewer {a.GetProperty("reviewerNumber").GetInt32()}" : a.GetProperty("reviewer").GetGuid().ToString(),
                    a.GetProperty("review").GetProperty("commentsToAuthor").GetString()!,
                    a.GetProperty("review").GetProperty("confidentialCommentsToEditor").GetString()!))];
        }

        private async Task<Guid?> OpenInvitation(Guid submission)
        {
            var mine = await client.GetFromJsonAsync<JsonElement>("/api/me/reviews", Json);
            return mine.EnumerateArray()
                .Where(r => r.GetProperty("submission").GetGuid() == submission && r.GetProperty("status").GetString() is "Invited" or "Accepted")
                .Select(r => (Guid?)r.GetProperty("assignment").GetGuid()).FirstOrDefault();
        }

        private async Task<SeenRefusal?> Post(string path, object body)
        {
            var response = await client.PostAsJsonAsync(path, body, Json);
            return response.IsSuccessStatusCode ? null : await Refusal(response);
        }

        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }

        private static string Describe(string status) => Enum.Parse<SubmissionStatus>(status).Describe();

    }

    /// <summary>The refusal named in the problem details (RFC 9457) the API answered.</summary>
    private static async Task<SeenRefusal> Refusal(HttpResponseMessage response)
    {
        // An answer without problem details (a bare 401 or 503) is told by its status, so that a failure says what came back.
        var body = await response.Content.ReadAsStringAsync();
        if (body.Trim().Length == 0) return new SeenRefusal($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", []);
        var problem = JsonDocument.Parse(body).RootElement;
        var kind = problem.TryGetProperty("refusal", out var refusal) ? refusal.GetString()! : $"HTTP {(int)response.StatusCode}";
        var fields = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToList()
            : [];
        return new SeenRefusal(kind, fields);
    }
}
