using System.Diagnostics;
using System.Net;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Reader;
using Marten;
using Weasel.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>
/// B10: the reader site as readers and indexers meet it, on a journal of its own with 100,000 published articles: the
/// landing page, an issue's table of contents (4,000 issues of 25), the journal's home (its first page and one deep in the
/// archive), search, an OAI-PMH ListRecords page,
/// and the landing page again for a reader whose copy is current (304), each with 8 readers at once for a while, set
/// against the rate at which the same portal serves a static file: the physical limit of answering over HTTP here.
/// The published articles are written as the documents the reader site reads, without the production behind them:
/// the site reads nothing else. The search index is built from them by the portal's own indexing round.
/// </summary>
public sealed class ReaderSite(TimeSpan duration, string repository) : Benchmark
{
    public const int Articles = 100_000;
    private const int Readers = 8;

    public static readonly Guid JournalId = Guid.Parse("be0c4000-0000-4000-8000-000000000001");
    private const string Path = "reader-bench";

    public override string Id => "B10";
    public override string What => $"the reader site with {Articles:N0} published articles, {Readers} readers at once";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        await Ensure(database);
        var size = $"{Articles:N0} published articles in the journal, {await database.Count("select count(*) from editorial.article_search"):N0} indexed";
        var ids = (await database.Store.QuerySession().AdvancedSql.QueryAsync<Guid>(
            "select id from editorial.mt_doc_publishedarticle where journal = ? order by md5(id::text)", CancellationToken.None, JournalId)).ToArray();
        await using var portal = await RunningPortal.Start(repository, database);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Readers }) { BaseAddress = new Uri(portal.Address) };
        var etags = new Dictionary<Guid, string>();
        foreach (var id in ids.Take(500))
        {
            using var response = await http.GetAsync($"/articles/{id}");
            etags[id] = response.Headers.ETag!.Tag;
        }
        var words = new[] { "drought", "wetland restoration", "\"soil carbon\"", "pollinators or bees", "coral -bleaching", "nitrogen", "glacier", "urban heat" };

        var results = new List<Result>();
        async Task<double> Measure(string what, Func<int, HttpRequestMessage> request, HttpStatusCode expected, string target, Func<Latencies, double, bool?> met)
        {
            var (latencies, rate) = await Load(http, request, expected);
            results.Add(new Result(Id, what, latencies, $"{rate:N0} requests/s", size, target, met(latencies, rate)));
            return rate;
        }

        var staticRate = await Measure("a static file (reader.css): the limit here", _ => new(HttpMethod.Get, "/reader.css"), HttpStatusCode.OK, "–", (_, _) => null);
        // The node keeps each page as rendered: an article asked for again is served from memory, one asked for the first
        // time (here every request names another of the 100,000, the first 500 left aside) is read and rendered.
        await Measure("an article's landing page, asked for again (kept by the node)", i => new(HttpMethod.Get, $"/articles/{ids[i % 500]}"), HttpStatusCode.OK,
            "p95 ≤ 5 ms", (l, _) => l.P95 <= 5);
        await Measure("an article's landing page, asked for the first time (rendered)", i => new(HttpMethod.Get, $"/articles/{ids[500 + i % (ids.Length - 500)]}"),
            HttpStatusCode.OK, "p95 ≤ 5 ms", (l, _) => l.P95 <= 5);
        await Measure("an article's landing page, the reader's copy current (304)", i =>
        {
            var id = ids[i % 500];
            var message = new HttpRequestMessage(HttpMethod.Get, $"/articles/{id}");
            message.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etags[id]));
            return message;
        }, HttpStatusCode.NotModified, $"≥ half of {staticRate:N0}/s", (_, rate) => rate >= staticRate / 2);
        await Measure($"an issue's table of contents ({PerIssue} articles)", i => new(HttpMethod.Get, $"/read/{Path}/issues/{IssueOf(i * 7919 % Issues)}"), HttpStatusCode.OK,
            "–", (_, _) => null);
        await Measure("the journal's home, first page", _ => new(HttpMethod.Get, $"/read/{Path}"), HttpStatusCode.OK, "–", (_, _) => null);
        // Where a reader who followed "older articles" 2,500 times would be: 50,000 articles into the archive.
        var deep = new List<string>();
        await using (var session = database.Store.QuerySession())
            foreach (var offset in Enumerable.Range(50_000, 10))
                deep.Add(ArchivePlace.Of((await session.QueryAsync<PublishedArticle>("where journal = ? and status = ? order by published_at desc, id desc offset ? limit 1",
                    JournalId, nameof(PublicationStatus.Published), offset - 1)).Single(), older: true).ToString());
        await Measure("the journal's home, 2,500 pages into the archive", i => new(HttpMethod.Get, $"/read/{Path}?from={deep[i % deep.Count]}"), HttpStatusCode.OK, "–",
            (_, _) => null);
        await Measure("search, first page of results", i => new(HttpMethod.Get, $"/read/{Path}/search?q={Uri.EscapeDataString(words[i % words.Length])}"), HttpStatusCode.OK,
            "–", (_, _) => null);
        await Measure("OAI-PMH ListRecords, oai_dc, first page of 100", _ => new(HttpMethod.Get, $"/oai?verb=ListRecords&metadataPrefix=oai_dc&set={Path}"), HttpStatusCode.OK,
            "–", (_, _) => null);
        return results;
    }

    private async Task<(Latencies Latencies, double Rate)> Load(HttpClient http, Func<int, HttpRequestMessage> request, HttpStatusCode expected)
    {
        for (var i = 0; i < 50; i++) await Send(http, request(i), expected);
        var latencies = new Latencies();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Readers).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await Send(http, request(Interlocked.Increment(ref next)), expected);
                latencies.Add(Stopwatch.GetElapsedTime(started));
            }
        }));
        return (latencies, latencies.Count / clock.Elapsed.TotalSeconds);
    }

    private static async Task Send(HttpClient http, HttpRequestMessage message, HttpStatusCode expected)
    {
        using (message)
        using (var response = await http.SendAsync(message))
        {
            await response.Content.CopyToAsync(Stream.Null);
            if (response.StatusCode != expected) throw new InvalidOperationException($"{message.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}.");
        }
    }

    private const int PerIssue = 25;
    private const int Issues = Articles / PerIssue;

    // Twelve issues a volume: the k-th issue's address, volume/number.
    private static string IssueOf(int k) => $"{1 + k / 12}/{1 + k % 12}";

    private static JournalIssue Issue(int k, DateTimeOffset start)
    {
        var (volume, number) = (1 + k / 12, 1 + k % 12);
        var published = start.AddMinutes((k + 1) * PerIssue * 40L);
        return new JournalIssue(JournalIssue.StreamOf(JournalId, volume, number), JournalId, volume, number, published.Year, $"Issue {k + 1}", "", null)
        {
            Version = PerIssue + 2, Status = IssueStatus.Published, PublishedAt = published, LastChangedAt = published,
            Contents = [.. Enumerable.Range(k * PerIssue, PerIssue).Select(n => new IssueEntry(DeterministicGuid.From(JournalId, new Guid(n, 0, 0, new byte[8])), $"Article {n}",
                (ManuscriptType)(n % 4), $"{(n % PerIssue) * 12 + 1}–{(n % PerIssue) * 12 + 12}"))]
        };
    }

    private static readonly string[] Subjects =
    [
        "drought", "soil carbon", "wetland restoration", "pollinators", "coral reefs", "nitrogen runoff", "glacier retreat", "urban heat", "seabird diet",
        "forest fire", "kelp forests", "river flow", "grassland birds", "peat methane", "ocean warming", "bees", "bleaching", "groundwater", "beavers", "moths"
    ];

    private static readonly string[] Findings =
    [
        "shifts with", "recovers after", "declines under", "tracks", "doubles during", "is buffered by", "lags behind", "predicts"
    ];

    private static readonly string[] Sections = ["Research articles", "Reviews", "Short communications", "Letters"];

    /// <summary>The journal and its published articles, written once and kept; a rebuild of the record, which knows nothing of them, leaves them to be written again.</summary>
    private static async Task Ensure(BenchDatabase database)
    {
        var store = database.Store;
        if (await database.Count($"select count(*) from editorial.mt_doc_publishedarticle where journal = '{JournalId}'") < Articles)
        {
            var journal = new IHistoricalFact[]
            {
                new JournalCreated(JournalId, "Journal of Reader Benchmarks", "2049-3630", "A journal of its own for the reader site's benchmark.", [.. Enum.GetValues<ManuscriptType>()],
                    Guid.Empty, DateTimeOffset.UtcNow),
                new PublicationSettingsChanged(JournalId, new PublicationSettings(Path, "10.55555"), Guid.Empty, DateTimeOffset.UtcNow)
            }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;
            await using (var session = store.LightweightSession())
            {
                session.Store(journal with { Version = 2 });
                session.DeleteWhere<PublishedArticle>(a => a.Journal == JournalId);
                await session.SaveChangesAsync();
            }
            var random = new Random(20261202);
            var start = DateTimeOffset.UtcNow.AddYears(-8);
            const int Batch = 5_000;
            for (var from = 0; from < Articles; from += Batch)
                await store.BulkInsertDocumentsAsync(Enumerable.Range(from, Batch).Select(n => Article(n, random, start)).ToList(), BulkInsertMode.InsertsOnly, Batch);
        }
        if (await database.Count($"select count(*) from editorial.mt_doc_journalissue where journal = '{JournalId}'") < Issues)
        {
            var start = DateTimeOffset.UtcNow.AddYears(-8);
            await using (var session = store.LightweightSession())
            {
                session.DeleteWhere<JournalIssue>(i => i.Journal == JournalId);
                await session.SaveChangesAsync();
            }
            await store.BulkInsertDocumentsAsync(Enumerable.Range(0, Issues).Select(k => Issue(k, start)).ToList(), BulkInsertMode.InsertsOnly, 1_000);
        }
        var round = new SearchIndexingRound(store, database.Files, NullLogger<SearchIndexingRound>.Instance);
        await round.Run();
    }

    private static PublishedArticle Article(int n, Random random, DateTimeOffset start)
    {
        var id = DeterministicGuid.From(JournalId, new Guid(n, 0, 0, new byte[8]));
        var (subject, other) = (Subjects[random.Next(Subjects.Length)], Subjects[random.Next(Subjects.Length)]);
        var title = $"{char.ToUpperInvariant(subject[0])}{subject[1..]} {Findings[random.Next(Findings.Length)]} {other} across {random.Next(3, 90)} sites";
        var published = start.AddMinutes(n * 40 + random.Next(30));
        var authors = Enumerable.Range(0, random.Next(1, 6)).Select(i => new ContributingAuthor($"Author{n % 977} Writer{i}{n % 53}", $"a{n}.{i}@uni.example",
            $"University {n % 211}", null, i == 0)).ToList();
        var metadata = new ArticleMetadata((ManuscriptType)(n % 4), title,
            $"We measured {subject} and {other} over {random.Next(2, 30)} years at {random.Next(3, 90)} sites. " +
            $"The {subject} {Findings[random.Next(Findings.Length)]} {other}, with effects strongest in dry years and weakest where the {Subjects[random.Next(Subjects.Length)]} was managed.",
            [subject, other, Subjects[random.Next(Subjects.Length)]], authors,
            new PublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", published.Year, Sections[n % Sections.Length]),
            published.AddDays(-120), [published.AddDays(-40)], published.AddDays(-20),
            [new PublishedGalley(DeterministicGuid.From(id, JournalId), GalleyFormat.Pdf, "PDF", "en", 1,
                new ProductionFile("article.pdf", "application/pdf", 250_000, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(id.ToByteArray())),
                    Guid.Empty, published.AddDays(-10)))]);
        return new PublishedArticle(id, id, JournalId, Guid.Empty, metadata, published.AddDays(-5))
        {
            Version = 3, Doi = $"10.55555/bench.{n}", PublishedAt = published, Status = PublicationStatus.Published, LastChangedAt = published
        };
    }
}
