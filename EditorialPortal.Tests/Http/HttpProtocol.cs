using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Http;

/// <summary>The HTTP actor: the REST API of the real portal on a real PostgreSQL, signed in with a bearer token.</summary>
public sealed class HttpProtocol(PortalFixture fixture) : IProtocol
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Kind => "HTTP";

    public Backstage Backstage => fixture.Backstage;

    public async Task<IEditorialAbility> SignIn(PersonAccount account)
    {
        var client = fixture.Portal.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { account.Email, account.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return new HttpAbility(client);
    }

    private sealed class HttpAbility(HttpClient client) : IEditorialAbility
    {
        public async Task<(Guid? Submission, SeenRefusal? Refusal)> StartSubmission(Guid journal, ManuscriptType type)
        {
            var response = await client.PostAsJsonAsync("/api/submissions", new { journal, type }, Json);
            if (!response.IsSuccessStatusCode) return (null, await Refusal(response));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("id").GetGuid(), null);
        }

        public async Task<SeenRefusal?> Execute(Guid submission, SubmissionCommand command)
        {
            var path = $"/api/submissions/{submission}";
            var response = command switch
            {
                SetTitle c => await client.PostAsJsonAsync($"{path}/title", new { c.Title }, Json),
                SetAbstract c => await client.PostAsJsonAsync($"{path}/abstract", new { c.Abstract }, Json),
                SetKeywords c => await client.PostAsJsonAsync($"{path}/keywords", new { c.Keywords }, Json),
                SetAuthors c => await client.PostAsJsonAsync($"{path}/authors", new { c.Authors }, Json),
                SubmitManuscript => await client.PostAsync($"{path}/submit", null),
                _ => throw new ArgumentOutOfRangeException(nameof(command), command, "No HTTP route for this command")
            };
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

        public async Task<IReadOnlyList<QueuedManuscript>> NewSubmissions(Guid journal)
        {
            var response = await client.GetAsync($"/api/journals/{journal}/queues/new-submissions");
            if (response.StatusCode == HttpStatusCode.NotFound) return [];
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
            var history = await client.GetFromJsonAsync<JsonElement>(historyLink);
            return new SubmissionSighting(
                Describe(state.GetProperty("status").GetString()!),
                state.GetProperty("title").GetString()!,
                [.. history.GetProperty("facts").EnumerateArray().Select(f => $"{f.GetProperty("byName").GetString()} {f.GetProperty("description").GetString()}")]);
        }

        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }

        private static string Describe(string status) => Enum.Parse<SubmissionStatus>(status).Describe();

        /// <summary>The refusal named in the problem details (RFC 9457) the API answered.</summary>
        private static async Task<SeenRefusal> Refusal(HttpResponseMessage response)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var kind = problem.TryGetProperty("refusal", out var refusal) ? refusal.GetString()! : $"HTTP {(int)response.StatusCode}";
            var fields = problem.TryGetProperty("errors", out var errors)
                ? errors.EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToList()
                : [];
            return new SeenRefusal(kind, fields);
        }
    }
}
