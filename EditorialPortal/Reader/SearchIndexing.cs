using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Production.Jats;
using EditorialPortal.Records;
using Marten;

namespace EditorialPortal.Reader;

/// <summary>
/// Brings the reader site's search up to date with what is published: every article published or changed since the last
/// round is indexed afresh, with the full text of its HTML galley or, failing that, its JATS. Runs beside the publishing
/// round, so an article can be found within a round of being published.
/// </summary>
public sealed class SearchIndexingRound(IDocumentStore store, IManuscriptFileStore files, ILogger<SearchIndexingRound> logger)
{
    private const int Batch = 200;

    /// <summary>Answers how many articles it indexed.</summary>
    public async Task<int> Run(CancellationToken cancellationToken = default)
    {
        var indexed = 0;
        IReadOnlyList<PublishedArticle> stale;
        do
        {
            stale = await ArticleSearchIndex.Stale(store, Batch, cancellationToken);
            var entries = new List<(PublishedArticle, string)>();
            foreach (var article in stale) entries.Add((article, await FullText(article)));
            await ArticleSearchIndex.Write(store, entries, cancellationToken);
            indexed += stale.Count;
        } while (stale.Count == Batch);
        await ArticleSearchIndex.Sweep(store, cancellationToken);
        if (indexed > 0) logger.LogInformation("Indexed {Count} published articles for search", indexed);
        return indexed;
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "tr", "td", "th", "figure", "figcaption", "blockquote", "pre", "br", "hr"
    };

    // The words as a reader reads them: a heading and the paragraph after it are apart, a word set in italics is whole.
    private static void Read(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText words) text.Append(words.Data);
            else if (child is IElement element)
            {
                var block = Blocks.Contains(element.LocalName);
                if (block) text.Append(' ');
                Read(element, text);
                if (block) text.Append(' ');
            }
        }
    }

    private async Task<string> FullText(PublishedArticle article)
    {
        var galley = article.Metadata.Galleys.OrderBy(g => g.Format == GalleyFormat.Html ? 0 : 1)
            .FirstOrDefault(g => g.Format is GalleyFormat.Html or GalleyFormat.JatsXml);
        if (galley is null || files.Open(galley.File.Sha256) is not { } stored) return "";
        await using (stored)
        {
            var (html, problem) = await GalleyHtml.Of(galley.Format, stored);
            if (html is null)
            {
                logger.LogWarning("The {Format} galley of article {Article} could not be read for search: {Problem}", galley.Format, article.Id, problem);
                return "";
            }
            var text = new StringBuilder();
            if (new HtmlParser().ParseDocument(html).Body is { } body) Read(body, text);
            return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
