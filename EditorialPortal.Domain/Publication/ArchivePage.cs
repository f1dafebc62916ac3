namespace EditorialPortal.Domain.Publication;

/// <summary>
/// A place in a journal's list of published articles, newest first: an article's time of publication and id (which
/// tells apart the articles of an issue, all published at one moment), and which way to read from it.
/// </summary>
public sealed record ArchivePlace(DateTimeOffset PublishedAt, Guid Article, bool Older = true)
{
    /// <summary>The place as an address carries it: the time in ticks, the id, and the way.</summary>
    public override string ToString() => $"{(Older ? "before" : "after")}-{PublishedAt.UtcTicks}-{Article:N}";

    public static ArchivePlace? Parse(string? text) =>
        text?.Split('-') is [var way and ("before" or "after"), var ticks, var id] && long.TryParse(ticks, out var t) && t is >= 0 and <= 3155378975999999999
            && Guid.TryParseExact(id, "N", out var article)
            ? new ArchivePlace(new DateTimeOffset(t, TimeSpan.Zero), article, way == "before")
            : null;

    public static ArchivePlace Of(PublishedArticle article, bool older) => new(article.PublishedAt ?? article.ReadyAt, article.Id, older);
}

/// <summary>A page of a journal's published articles, with how many there are in all and where the pages beside it start.</summary>
public sealed record ArchivePage(IReadOnlyList<PublishedArticle> Items, long Total, ArchivePlace? Newer, ArchivePlace? Older)
{
    /// <summary>
    /// The page from what was read from <paramref name="from"/>, newest first, which holds one article more than a page
    /// when there are more that way.
    /// </summary>
    public static ArchivePage Of(IReadOnlyList<PublishedArticle> read, ArchivePlace? from, int size, long total)
    {
        var more = read.Count > size;
        var items = from is { Older: false } ? read.TakeLast(size).ToList() : read.Take(size).ToList();
        if (items.Count == 0) return new ArchivePage(items, total, null, null);
        // Read from a place, there are newer articles unless reading newer ran out; older ones the same way round.
        var newer = from is null ? null : from.Older || more ? ArchivePlace.Of(items[0], older: false) : null;
        var older = from is { Older: false } || more ? ArchivePlace.Of(items[^1], older: true) : null;
        return new ArchivePage(items, total, newer, older);
    }
}
