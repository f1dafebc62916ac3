using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace EditorialPortal.Records;

/// <summary>
/// PostgreSQL full-text search over the published articles: one row per article with its words weighted by where they
/// stand (title and authors A, keywords B, abstract C, full text D) in a GIN-indexed tsvector, and the text its snippets
/// are cut from. The rows are derived and can be rebuilt at any time; a search joins them with the articles' own
/// documents, so an article that stops being public drops out of every result at once, before its row is swept away.
/// </summary>
public static class ArticleSearchIndex
{
    private const string Table = "article_search";

    // The abstract and this much of the full text are what snippets are cut from: enough for any match a reader
    // recognises, and little enough that marking twenty results stays cheap.
    private const int SnippetSourceLength = 10_000;

    // PostgreSQL keeps at most a megabyte of positions per tsvector; the opening of a very long text is what is indexed.
    private const int LongestIndexedText = 400_000;

    private const string HeadlineOptions = "StartSel=\u0002, StopSel=\u0003, MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=\" … \"";

    public static IEnumerable<ISchemaObject> SchemaObjects(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Table, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("article").AsPrimaryKey();
        table.AddColumn<Guid>("journal").NotNull();
        table.AddColumn<long>("version").NotNull();
        table.AddColumn<int>("year").NotNull();
        table.AddColumn("section", "text").NotNull();
        table.AddColumn("type", "varchar").NotNull();
        table.AddColumn<DateTimeOffset>("published_at").NotNull();
        table.AddColumn("snippet_source", "text").NotNull();
        table.AddColumn("document", "tsvector").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{Table}_document") { Columns = ["document"], Method = IndexMethod.gin });
        table.Indexes.Add(new IndexDefinition($"ix_{Table}_journal") { Columns = ["journal", "published_at"] });
        yield return table;
    }

    /// <summary>Published articles whose row is missing or behind their document, a batch at a time.</summary>
    public static async Task<IReadOnlyList<PublishedArticle>> Stale(IDocumentStore store, int take, CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var session = store.QuerySession();
        var ids = await session.AdvancedSql.QueryAsync<Guid>(
            $"select d.id from {schema}.mt_doc_publishedarticle d left join {schema}.{Table} s on s.article = d.id " +
            "where d.status = 'Published' and (s.article is null or s.version <> (d.data ->> 'Version')::bigint) order by d.id limit ?",
            cancellationToken, take);
        return ids.Count == 0 ? [] : [.. await session.LoadManyAsync<PublishedArticle>(cancellationToken, ids)];
    }

    /// <summary>Writes each article's row afresh from its metadata and the full text of its HTML or JATS galley, if it has one.</summary>
    public static async Task Write(IDocumentStore store, IEnumerable<(PublishedArticle Article, string FullText)> entries, CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var session = store.LightweightSession();
        foreach (var (article, fullText) in entries)
        {
            var m = article.Metadata;
            var body = fullText.Length > LongestIndexedText ? fullText[..LongestIndexedText] : fullText;
            session.QueueSqlCommand($"""
                insert into {schema}.{Table} (article, journal, version, year, section, type, published_at, snippet_source, document)
                select ?, ?, ?, ?, ?, ?, ?, ?,
                       setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('simple', ?), 'A')
                    || setweight(to_tsvector('english', ?), 'B') || setweight(to_tsvector('english', ?), 'C') || setweight(to_tsvector('english', ?), 'D')
                on conflict (article) do update set journal = excluded.journal, version = excluded.version, year = excluded.year, section = excluded.section,
                    type = excluded.type, published_at = excluded.published_at, snippet_source = excluded.snippet_source, document = excluded.document
                """,
                article.Id, article.Journal, article.Version, (article.PublishedAt ?? article.ReadyAt).Year, m.Details.Section, m.Type.ToString(),
                article.PublishedAt ?? article.ReadyAt, Trimmed($"{m.Abstract}\n{body}", SnippetSourceLength),
                m.Title, string.Join(" ", m.Authors.Select(a => a.Name)), string.Join(" ", m.Keywords), m.Abstract, body);
        }
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes the rows of articles no longer public; searches already leave them out.</summary>
    public static async Task Sweep(IDocumentStore store, CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"delete from {schema}.{Table} s where not exists " +
            $"(select 1 from {schema}.mt_doc_publishedarticle d where d.id = s.article and d.status = 'Published')");
        await session.SaveChangesAsync(cancellationToken);
    }

    private sealed record Row(Guid Article, string Snippet, long Total);

    private sealed record Facet(string Kind, string Value, long Count);

    public static async Task<SearchResults> Search(IQuerySession session, ArticleSearch search, CancellationToken cancellationToken = default)
    {
        if (search.IsEmpty) return SearchResults.None(search);
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        // The words as a reader types them into a search engine: quoted phrases, "or", and a minus for words to leave out.
        var matching = $"""
            from {schema}.{Table} s join {schema}.mt_doc_publishedarticle d on d.id = s.article and d.status = 'Published',
                 websearch_to_tsquery('english', ?) q
            where s.journal = ? and s.document @@ q
            """;
        var narrowing = new List<object>();
        var narrowed = matching;
        if (search.Year is { } year) (narrowed, narrowing) = ($"{narrowed} and s.year = ?", [.. narrowing, year]);
        if (search.Section is { Length: > 0 } section) (narrowed, narrowing) = ($"{narrowed} and s.section = ?", [.. narrowing, section]);
        if (search.Type is { } type) (narrowed, narrowing) = ($"{narrowed} and s.type = ?", [.. narrowing, type.ToString()]);

        // The page's rows first, ranked and cut to the page with the count of all of them; only those twenty are then
        // marked up, which is the costly part, from their text read afresh.
        var rows = await session.AdvancedSql.QueryAsync<Row>(
            $"with hits as (select s.article, s.published_at, ts_rank_cd(s.document, q) as rank, count(*) over () as total {narrowed} " +
            "order by rank desc, s.published_at desc, s.article limit ? offset ?) " +
            "select json_build_object('Article', h.article, 'Total', h.total, 'Snippet', ts_headline('english', s.snippet_source, websearch_to_tsquery('english', ?), ?)) " +
            $"from hits h join {schema}.{Table} s on s.article = h.article order by h.rank desc, h.published_at desc, h.article",
            cancellationToken, [search.Words, search.Journal, .. narrowing, ArticleSearch.PageSize, search.Skip, search.Words, HeadlineOptions]);
        // A page past the last result has no row to carry the count.
        var total = rows.Count > 0 ? rows[0].Total : search.Skip == 0 ? 0 : await Count(session, narrowed, [search.Words, search.Journal, .. narrowing], cancellationToken);
        // What the words alone find, by year, section and type: the ways the reader can narrow them.
        var facets = await session.AdvancedSql.QueryAsync<Facet>(
            "select json_build_object('Kind', case when grouping(s.year) = 0 then 'year' when grouping(s.section) = 0 then 'section' else 'type' end, " +
            $"'Value', coalesce(s.year::text, s.section, s.type), 'Count', count(*)) {matching} group by grouping sets ((s.year), (s.section), (s.type))",
            cancellationToken, search.Words, search.Journal);

        var articles = rows.Count == 0 ? new Dictionary<Guid, PublishedArticle>()
            : (await session.LoadManyAsync<PublishedArticle>(cancellationToken, rows.Select(r => r.Article))).ToDictionary(a => a.Id);
        var hits = rows.Where(r => articles.ContainsKey(r.Article)).Select(r => new SearchHit(articles[r.Article], Snippets.Parse(r.Snippet))).ToList();
        return new SearchResults(search, hits, total,
            [.. facets.Where(f => f.Kind == "year").Select(f => new SearchFacet<int>(int.Parse(f.Value), f.Count)).OrderByDescending(f => f.Value)],
            [.. facets.Where(f => f.Kind == "section").Select(f => new SearchFacet<string>(f.Value, f.Count)).OrderByDescending(f => f.Count).ThenBy(f => f.Value)],
            [.. facets.Where(f => f.Kind == "type" && Enum.TryParse<ManuscriptType>(f.Value, out _))
                .Select(f => new SearchFacet<ManuscriptType>(Enum.Parse<ManuscriptType>(f.Value), f.Count)).OrderByDescending(f => f.Count)]);
    }

    private static async Task<long> Count(IQuerySession session, string narrowed, object[] parameters, CancellationToken cancellationToken) =>
        (await session.AdvancedSql.QueryAsync<long>($"select count(*) {narrowed}", cancellationToken, parameters)).Single();

    private static string Trimmed(string text, int length) => text.Length > length ? text[..length] : text;
}

/// <summary>The search table as a feature of the store, created after the document tables it is joined with.</summary>
public sealed class ArticleSearchFeature(StoreOptions options, string schema) : FeatureSchemaBase("ArticleSearch", options.Advanced.Migrator)
{
    public override IEnumerable<Type> DependentTypes() => [typeof(PublishedArticle)];

    protected override IEnumerable<ISchemaObject> schemaObjects() => ArticleSearchIndex.SchemaObjects(schema);
}
