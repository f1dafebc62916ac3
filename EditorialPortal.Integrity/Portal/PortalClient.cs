using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Contracts.History;

namespace EditorialPortal.Integrity.Portal;

/// <summary>Where the portal is and who this application is to it: a personal access token of an account that keeps journals' records.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The portal's address, for its API and for the links to its pages that the analysts follow.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:5000");

    /// <summary>The service identity's personal access token (<c>ep_...</c>).</summary>
    public string Token { get; set; } = "";

    /// <summary>How many facts one read asks for.</summary>
    public int PageSize { get; set; } = 500;
}

/// <summary>The portal refused this application's identity: it is not (or no longer) one that keeps a journal's record.</summary>
public sealed class PortalRefused(HttpStatusCode status, string detail) : Exception($"The portal answered {(int)status}: {detail}")
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>
/// The portal's history API as this application reads it: the whole record of the journals its identity keeps, by cursor
/// on the global sequence, and the people the facts name. What it expects of those answers is written down as contract
/// tests that run in the portal's own build.
/// </summary>
public sealed class PortalClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The facts after <paramref name="after"/> in global order, at most <paramref name="limit"/>; fewer means the record's head was reached.</summary>
    public async Task<FactsPage> FactsAfter(long after, int limit, CancellationToken token = default)
    {
        using var response = await http.GetAsync($"api/history/facts?after={after}&limit={limit}", token);
        await EnsureAnswered(response, token);
        return await response.Content.ReadFromJsonAsync<FactsPage>(Json, token) ?? throw new InvalidDataException("The portal answered an empty page of facts.");
    }

    /// <summary>A person a fact names, by the link the fact gives; null if the portal does not know them as someone who acted in a kept journal.</summary>
    public async Task<PersonOnRecord?> Person(string link, CancellationToken token = default)
    {
        using var response = await http.GetAsync(link.TrimStart('/'), token);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureAnswered(response, token);
        return await response.Content.ReadFromJsonAsync<PersonOnRecord>(Json, token);
    }

    /// <summary>The address of one of the portal's pages, as an analyst opens it.</summary>
    public Uri PageAt(string path) => new(http.BaseAddress!, path.TrimStart('/'));

    private static async Task EnsureAnswered(HttpResponseMessage response, CancellationToken token)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new PortalRefused(response.StatusCode, await response.Content.ReadAsStringAsync(token));
        response.EnsureSuccessStatusCode();
    }

    public static void Configure(HttpClient http, PortalOptions options)
    {
        http.BaseAddress = new Uri(options.Url.ToString().TrimEnd('/') + "/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.Timeout = TimeSpan.FromSeconds(30);
    }
}
