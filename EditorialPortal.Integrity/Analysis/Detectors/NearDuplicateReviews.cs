namespace EditorialPortal.Integrity.Analysis;

/// <summary>Reviews by different reviewers whose words are largely the same: one hand writing for several names, or a template a mill hands out.</summary>
public sealed class NearDuplicateReviews : IDetector
{
    public const double Similar = 0.5;
    private const int FewestWords = 25;

    public string Name => "near-duplicate-review";

    public string Looks => $"Reviews by different reviewers sharing at least {Similar:P0} of their three-word phrases, leaving out the boilerplate found in many reviews (MinHash over the comments to the author).";

    public IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        var reviews = record.Manuscripts
            .SelectMany(m => m.Invitations.Values.Where(i => i.SubmittedAt is not null && i.CommentsToAuthor.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= FewestWords)
                .Select(i => (Manuscript: m, Invitation: i)))
            .OrderBy(r => r.Invitation.Assignment).ToList();
        // Phrases in many reviews are the boilerplate every reviewer writes and say nothing of who wrote them: they are left out.
        var shingles = MinHash.WithoutCommon([.. reviews.Select(r => MinHash.Shingles(r.Invitation.CommentsToAuthor))]);
        foreach (var (x, y) in MinHash.Candidates(shingles))
        {
            var (first, second) = (reviews[x], reviews[y]);
            if (first.Invitation.Reviewer == second.Invitation.Reviewer) continue;
            var similarity = MinHash.Jaccard(shingles[x], shingles[y]);
            if (similarity < Similar) continue;
            var (a, b) = (people.NameOf(first.Invitation.Reviewer), people.NameOf(second.Invitation.Reviewer));
            yield return new Finding(Name, $"{Name}:{first.Invitation.Assignment}:{second.Invitation.Assignment}", similarity >= 0.8 ? Severity.High : Severity.Medium,
                first.Manuscript.Journal, [.. new[] { first.Manuscript.Id, second.Manuscript.Id }.Distinct()], [first.Invitation.Reviewer, second.Invitation.Reviewer],
                $"{a} and {b} wrote nearly the same review",
                $"{a}'s review of “{first.Manuscript.Title}” and {b}'s review of “{second.Manuscript.Title}” share {similarity:P0} of their three-word phrases; " +
                "independent reviewers rarely share more than a few.",
                [.. first.Invitation.Evidence.Where(e => e.Type == "ReviewSubmitted"), .. second.Invitation.Evidence.Where(e => e.Type == "ReviewSubmitted")]);
        }
    }
}
