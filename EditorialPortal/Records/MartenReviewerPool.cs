using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using Marten;

namespace EditorialPortal.Records;

/// <summary>The reviewer pool on Marten: the journal's reviewers and the authors' suggestions, with each one's reviews elsewhere in the record.</summary>
public sealed class MartenReviewerPool(IDocumentStore store, TimeProvider clock) : IReviewerPool
{
    public async Task<IReadOnlyList<ReviewerCandidate>?> Search(Guid submission, Actor editor, string? search)
    {
        await using var session = store.QuerySession();
        var s = await session.LoadAsync<Submission>(submission);
        var journal = s is null ? null : await session.LoadAsync<Journal>(s.Journal);
        if (s is null || journal is null || !s.IsEditorOf(editor, journal) || !s.MayJudge(editor)) return null;

        var reviewers = journal.Staff.Where(m => m.Role == JournalRole.Reviewer).Select(m => m.Account).Distinct().ToArray();
        var suggested = s.ReviewerPreferences.Where(p => !p.Opposed).Select(p => EmailAddress.Normalise(p.Email)).ToArray();
        var people = (await session.LoadManyAsync<Account>(reviewers)).ToList();
        if (suggested.Length > 0) people.AddRange(await session.Query<Account>().Where(a => a.Email.IsOneOf(suggested)).ToListAsync());
        var matching = people.DistinctBy(a => a.Id).Where(a => ReviewerPool.Matches(a, search)).Take(100).ToList();

        var now = clock.GetUtcNow();
        var candidates = new List<ReviewerCandidate>();
        foreach (var person in matching)
        {
            var theirs = await session.Query<Submission>().Where(x => x.Assignments.Any(a => a.Reviewer == person.Id)).Take(500).ToListAsync();
            candidates.Add(ReviewerPool.Describe(person, s, theirs, now));
        }
        return ReviewerPool.Ranked(candidates);
    }
}
