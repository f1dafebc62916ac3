using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Contracts.Submissions;

namespace EditorialPortal.Integrity.Portal;

/// <summary>
/// What an analyst does in the portal from here, with their own token, so that the portal records it as theirs: raising
/// and lifting integrity concerns. It follows the links the manuscript's representation offers them and sends the
/// version it read, as any client of the portal's API does.
/// </summary>
public sealed class PortalActing(HttpClient http)
{
    /// <summary>What the portal answered: done, or its refusal in words.</summary>
    public sealed record Answer(bool Done, string? Problem);

    public Task<Answer> RaiseConcern(string token, Guid manuscript, Guid concern, string reason, bool hold, CancellationToken cancel = default) =>
        Follow(token, manuscript, SubmissionRelations.RaiseIntegrityConcern, new { concern, reason, hold }, cancel);

    public Task<Answer> LiftConcern(string token, Guid manuscript, Guid concern, string reason, CancellationToken cancel = default) =>
        Follow(token, manuscript, SubmissionRelations.LiftIntegrityConcern, new { concern, reason }, cancel);

    private async Task<Answer> Follow(string token, Guid manuscript, string relation, object body, CancellationToken cancel)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, $"api/submissions/{manuscript}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var representation = await http.SendAsync(read, cancel);
        if (!representation.IsSuccessStatusCode) return new Answer(false, await Problem(representation, cancel));
        var links = (await representation.Content.ReadFromJsonAsync<JsonElement>(PortalClient.Json, cancel)).GetProperty("_links");
        if (!links.TryGetProperty(relation, out var link))
            return new Answer(false, "The portal does not offer you this on the manuscript now: you may not be its journal's integrity analyst, or the concern is settled.");
        using var post = new HttpRequestMessage(HttpMethod.Post, link.GetProperty("href").GetString()!.TrimStart('/')) { Content = JsonContent.Create(body) };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (representation.Headers.ETag is { } version) post.Headers.IfMatch.Add(version);
        using var answered = await http.SendAsync(post, cancel);
        return answered.IsSuccessStatusCode ? new Answer(true, null) : new Answer(false, await Problem(answered, cancel));
    }

    private static async Task<string> Problem(HttpResponseMessage response, CancellationToken cancel)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(PortalClient.Json, cancel);
            if (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } words) return words;
            if (problem.TryGetProperty("errors", out var errors)) return string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())));
        }
        catch (JsonException)
        {
            // Not problem details: say what status came back.
        }
        return $"The portal answered {(int)response.StatusCode} {response.ReasonPhrase}.";
    }
}
