using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Publication;

/// <summary>What a reader asks a journal's search: words, and optionally a year, a section and a type to narrow it to.</summary>
public sealed record ArticleSearch(Guid Journal, string Terms, int? Year = null, string? Section = null, ManuscriptType? Type = null, int Page = 1)
{
    public const int PageSize = 20;

    /// <summary>Longer than any question a reader types; what goes past it is not searched for.</summary>
    public const int LongestTerms = 200;

    /// <summary>The words as searched: trimmed, and cut at the longest a search takes.</summary>
    public string Words => Terms.Trim() is { Length: > LongestTerms } typed ? typed[..LongestTerms] : Terms.Trim();

    public bool IsEmpty => Words.Length == 0;

    public int Skip => (Math.Max(1, Page) - 1) * PageSize;
}

/// <summary>A piece of a result's snippet: the text as written, and whether it is one of the words searched for.</summary>
public sealed record SnippetPart(string Text, bool Matched);

public sealed record SearchHit(PublishedArticle Article, IReadOnlyList<SnippetPart> Snippet);

/// <summary>A value a search can be narrowed to, and how many of its results have it.</summary>
public sealed record SearchFacet<T>(T Value, long Count);

/// <summary>One page of a search's results, best first, with what the whole of them could be narrowed to.</summary>
public sealed record SearchResults(ArticleSearch Search, IReadOnlyList<SearchHit> Hits, long Total,
    IReadOnlyList<SearchFacet<int>> Years, IReadOnlyList<SearchFacet<string>> Sections, IReadOnlyList<SearchFacet<ManuscriptType>> Types)
{
    public static SearchResults None(ArticleSearch search) => new(search, [], 0, [], [], []);

    public int PageCount => (int)((Total + ArticleSearch.PageSize - 1) / ArticleSearch.PageSize);
}

/// <summary>Snippets as a search engine marks them: the matched words between two control characters no text contains.</summary>
public static class Snippets
{
    public const char Start = '\u0002';
    public const char Stop = '\u0003';

    public static IReadOnlyList<SnippetPart> Parse(string marked)
    {
        var parts = new List<SnippetPart>();
        var rest = marked.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(Start);
            if (start < 0)
            {
                parts.Add(new(rest.ToString(), false));
                break;
            }
            if (start > 0) parts.Add(new(rest[..start].ToString(), false));
            rest = rest[(start + 1)..];
            var stop = rest.IndexOf(Stop);
            var matched = stop < 0 ? rest : rest[..stop];
            parts.Add(new(matched.ToString(), true));
            rest = stop < 0 ? [] : rest[(stop + 1)..];
        }
        return parts;
    }
}
