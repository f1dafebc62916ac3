using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Production;

/// <summary>What every step of production holds to.</summary>
public static class ProductionRules
{
    public const string OnlyProductionEditor = "only the journal's production editors run an article's production";
    public const string OnlyTaskHolder = "only the person given the task, or a production editor, works on it";
    public const string OnlyAuthor = "only the submitting author answers for the article's authors";

    /// <summary>No work goes on while production is stopped, nor once the article is ready to publish.</summary>
    public static Refusal? Closed(ArticleProduction p, string action) =>
        p.Stopped ? new Refusal.NotAllowedInState(action, "stopped", p.StoppedBecause ?? "production is stopped", Of: "")
        : p.ReadyAt is not null ? new Refusal.NotAllowedInState(action, "ready to publish", "the article is ready to publish; nothing in it changes any more", Of: "")
        : null;

    /// <summary>Every file of the article's production, in the order they came: the accepted file, copyedits, the author's, galleys.</summary>
    public static IReadOnlyList<ProductionFile> FilesOf(ArticleProduction p) =>
        [p.AcceptedFile, .. p.Copyedits.SelectMany(c => c.Files), .. p.AuthorReview.File is { } own ? [own] : Array.Empty<ProductionFile>(),
            .. p.Galleys.SelectMany(g => g.Versions.Select(v => v.File))];

    /// <summary>The text to work from now: the files of the last finished copyedit, or the accepted file when there is none.</summary>
    public static IReadOnlyList<ProductionFile> LatestText(ArticleProduction p) =>
        p.Copyedits.LastOrDefault(c => c.Done && c.Files.Count > 0) is { } last
            ? [.. last.Files, .. p.AuthorReview.File is { } corrected ? [corrected] : Array.Empty<ProductionFile>()]
            : [p.AcceptedFile];

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
