using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Publication;

namespace EditorialPortal.Tests.Direct;

/// <summary>Issues in memory, answering as the Marten read side does.</summary>
public sealed partial class InMemoryEditorialRecord : IIssueQueries
{
    public Task<JournalIssue?> Issue(Guid issue)
    {
        lock (_gate) return Task.FromResult(Documents<JournalIssue>().GetValueOrDefault(issue));
    }

    public Task<IReadOnlyList<JournalIssue>> IssuesOf(Guid journal, bool publishedOnly)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<JournalIssue>>([.. Documents<JournalIssue>().Values.Where(i => i.Journal == journal && (!publishedOnly || i.IsPublic))
                .OrderByDescending(i => i.Volume).ThenByDescending(i => i.Number)]);
    }

    public Task<IReadOnlyList<Domain.Submissions.HistoryEntry>> History(Guid issue)
    {
        lock (_gate)
        {
            var facts = _streams.GetValueOrDefault(issue, []).Select((fact, i) => ((long)i + 1, fact)).ToList();
            var names = facts.Select(f => f.fact.By).Distinct().Where(_accounts.ContainsKey).ToDictionary(a => a, a => _accounts[a].Name);
            return Task.FromResult(IssueFacts.Told(facts, names));
        }
    }

    public async Task<JournalIssue?> CurrentIssue(Guid journal) => (await IssuesOf(journal, publishedOnly: true)).FirstOrDefault();

    public Task<IReadOnlyList<PublishedArticle>> PublicAmong(IReadOnlyList<Guid> articles)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<PublishedArticle>>([.. articles.Select(id => Documents<PublishedArticle>().GetValueOrDefault(id)).OfType<PublishedArticle>()
                .Where(a => a.IsPublic)]);
    }

    public Task<IReadOnlyList<Guid>> IssuesDue(DateTimeOffset now)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Guid>>([.. Documents<JournalIssue>().Values.Where(i => i.Status == IssueStatus.Scheduled && i.ScheduledFor <= now)
                .OrderBy(i => i.ScheduledFor).Select(i => i.Id)]);
    }

    public Task<IReadOnlyList<JournalIssue>> PublishedSince(DateTimeOffset since)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<JournalIssue>>([.. Documents<JournalIssue>().Values.Where(i => i.IsPublic && i.PublishedAt >= since)]);
    }
}
