using System.Diagnostics;
using System.Net.Http.Json;
using EditorialPortal.Domain.People;
using Marten;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>
/// B9: how long the portal takes to answer "forgot my password" and "register" for an address that has an account and
/// for one that has none, over HTTP on a portal of its own. The two must not be told apart by their time.
/// </summary>
public sealed class AccountAnswers(int requests, string repository) : Benchmark
{
    public override string Id => "B9";
    public override string What => "account answers that tell nobody who has an account";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        await using var session = database.Store.QuerySession();
        var taken = (await session.Query<Account>().Take(requests).ToListAsync()).Select(a => a.Email).ToArray();
        await using var portal = await RunningPortal.Start(repository, database, ("RateLimits__CredentialAttemptsPerMinute", "1000000"));
        using var http = new HttpClient { BaseAddress = new Uri(portal.Address) };
        var size = $"{taken.Length:N0} addresses each way, {await database.Count("select count(*) from editorial.mt_doc_account"):N0} accounts";

        var resetKnown = new Latencies();
        var resetUnknown = new Latencies();
        var registerKnown = new Latencies();
        var registerUnknown = new Latencies();
        // Taken and free addresses alternate, so that whatever else the machine does falls on both alike.
        for (var i = 0; i < taken.Length; i++)
        {
            var free = $"nobody.{Guid.NewGuid():N}@example.org";
            resetKnown.Add(await Timed(http, "/api/account/forgot-password", new { email = taken[i] }));
            resetUnknown.Add(await Timed(http, "/api/account/forgot-password", new { email = free }));
            registerKnown.Add(await Timed(http, "/api/account/register", new { name = "Someone Else", email = taken[i], password = "a long enough passphrase" }));
            registerUnknown.Add(await Timed(http, "/api/account/register", new { name = "Someone New", email = free, password = "a long enough passphrase" }));
        }

        Result Compare(string what, Latencies known, Latencies unknown, string target) =>
            new(Id, what, known, $"{known.Count:N0} requests; without an account: median {Result.Ms(unknown.Median)} ms, p95 {Result.Ms(unknown.P95)} ms",
                size, target, Math.Abs(known.Median - unknown.Median) <= 10);
        return
        [
            Compare("forgot password, address with an account (vs. without)", resetKnown, resetUnknown, "medians within 10 ms"),
            Compare("register, address with an account (vs. without)", registerKnown, registerUnknown, "medians within 10 ms")
        ];
    }

    private static async Task<TimeSpan> Timed(HttpClient http, string path, object body)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync(path, body);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return elapsed;
    }
}
