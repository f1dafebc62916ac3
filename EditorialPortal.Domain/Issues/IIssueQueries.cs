using EditorialPortal.Domain.Publication;

namespace EditorialPortal.Domain.Issues;

/// <summary>What the reader site, the production editors' issues page and the publishing round read about issues.</summary>
public interface IIssueQueries
{
    Task<JournalIssue?> Issue(Guid issue);

    /// <summary>The journal's issues, latest volume and number first: every one for its production editors, the published for readers.</summary>
    Task<IReadOnlyList<JournalIssue>> IssuesOf(Guid journal, bool publishedOnly);

    /// <summary>The journal's latest published issue, by volume and number: the one its home calls current.</summary>
    Task<JournalIssue?> CurrentIssue(Guid journal);

    /// <summary>The articles readers may see among these, in the order given: an issue's table of contents, an embargoed article left out.</summary>
    Task<IReadOnlyList<PublishedArticle>> PublicAmong(IReadOnlyList<Guid> articles);

    /// <summary>Scheduled issues whose time has come.</summary>
    Task<IReadOnlyList<Guid>> IssuesDue(DateTimeOffset now);

    /// <summary>The issue's history in words, oldest first, for its production editors; empty for an issue there is not.</summary>
    Task<IReadOnlyList<Submissions.HistoryEntry>> History(Guid issue);

    /// <summary>Issues published since the moment: those whose articles the publishing round settles.</summary>
    Task<IReadOnlyList<JournalIssue>> PublishedSince(DateTimeOffset since);
}
