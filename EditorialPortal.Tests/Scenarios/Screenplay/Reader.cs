using Xunit;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>Someone reading the journal's public site, not signed in: finding articles, reading them, citing them.</summary>
public sealed class Reader(IProtocol protocol)
{
    /// <summary>The article with this title is on the journal's public home; answers where it is.</summary>
    public async Task<Guid> FindsOnTheJournalsHome(string address, string title)
    {
        var listed = await protocol.ArticlesOnTheJournalsHome(address);
        Assert.True(listed.Any(a => a.Title == title), $"The journal's home lists {string.Join(", ", listed.Select(a => a.Title))}, not “{title}”.");
        return listed.First(a => a.Title == title).Article;
    }

    /// <summary>The journal's home lists exactly these articles, newest first.</summary>
    public async Task SeesOnTheJournalsHome(string address, params string[] titles) =>
        Assert.Equal(titles, (await protocol.ArticlesOnTheJournalsHome(address)).Select(a => a.Title));

    public async Task DoesNotFindOnTheJournalsHome(string address, string title) =>
        Assert.DoesNotContain(await protocol.ArticlesOnTheJournalsHome(address), a => a.Title == title);

    /// <summary>The issue's table of contents lists exactly these articles, in order.</summary>
    public async Task SeesInTheIssue(string address, int volume, int number, params string[] titles)
    {
        var contents = await protocol.TheIssuesContents(address, volume, number);
        Assert.True(contents is not null, $"The reader was told there is no Volume {volume}, Issue {number}.");
        Assert.Equal(titles, contents.Select(a => a.Title));
    }

    /// <summary>The issue is not there for the reader yet.</summary>
    public async Task CannotOpenTheIssue(string address, int volume, int number) => Assert.Null(await protocol.TheIssuesContents(address, volume, number));

    public async Task<ReadArticle> CanRead(Guid article, string title, string? doi, params string[] authors)
    {
        var read = await protocol.ReadTheArticle(article);
        Assert.True(read is not null, "The reader was told there is no such article.");
        Assert.Equal(title, read.Title);
        Assert.Equal(doi, read.Doi);
        Assert.Equal(authors, read.Authors);
        return read;
    }

    /// <summary>The article's earlier version is still there as it was, with this title, and says it has been superseded.</summary>
    public async Task CanReadTheSupersededVersion(Guid article, int number, string title)
    {
        var read = await protocol.ReadTheVersion(article, number);
        Assert.True(read is not null, $"The reader was told there is no version {number}.");
        Assert.Equal(title, read.Title);
        Assert.StartsWith($"This is version {number} of the article, published ", read.Banner);
        Assert.EndsWith("It has been superseded.", read.Banner);
    }

    /// <summary>The article's page says this above it, of the notice about it.</summary>
    public async Task SeesTheBanner(Guid article, string banner) => Assert.Equal(banner, (await protocol.ReadTheArticle(article))?.Banner);

    /// <summary>Nothing is there for the reader: the same answer as for an article that never existed.</summary>
    public async Task CannotRead(Guid article)
    {
        Assert.Null(await protocol.ReadTheArticle(article));
        Assert.Null(await protocol.CiteAsBibTeX(article));
    }

    public async Task<string> CanCiteAsBibTeX(Guid article, params string[] holding)
    {
        var bibtex = await protocol.CiteAsBibTeX(article);
        Assert.True(bibtex is not null, "The reader could not download the BibTeX.");
        Assert.StartsWith("@article{", bibtex);
        foreach (var part in holding) Assert.Contains(part, bibtex, StringComparison.Ordinal);
        return bibtex;
    }

    /// <summary>Searching the journal for the words finds the article with this title, its snippet marking where they stand; answers which it is.</summary>
    public async Task<Guid> FindsBySearching(string address, string words, string title, params string[] marked)
    {
        var found = await protocol.SearchTheJournal(address, words);
        Assert.True(found.Any(a => a.Title == title), $"Searching for “{words}” found {string.Join(", ", found.Select(a => a.Title))}, not “{title}”.");
        var article = found.First(a => a.Title == title);
        foreach (var word in marked) Assert.Contains(word, article.Marked, StringComparer.OrdinalIgnoreCase);
        return article.Article;
    }

    public async Task DoesNotFindBySearching(string address, string words, string title) =>
        Assert.DoesNotContain(await protocol.SearchTheJournal(address, words), a => a.Title == title);
}
