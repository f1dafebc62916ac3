namespace EditorialPortal.Integrity.Analysis;

/// <summary>Reviews returned implausibly fast for the journal and the round: a reviewer who did not read, or a review written by someone else.</summary>
public sealed class FastReviews : IDetector
{
    public const double OutlierScore = -3.5;

    public string Name => "fast-review";

    public string Looks => "Reviews returned far faster than the journal's own reviews of the same round usually are (a robust outlier on a log scale).";

    public IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people)
    {
        var times = ReviewTimes.Of(record);
        foreach (var manuscript in record.Manuscripts)
            foreach (var invitation in manuscript.Invitations.Values)
            {
                if (invitation.TimeToReview is not { } took || !times.TryGetValue((manuscript.Journal, invitation.Round == 1), out var usual)
                    || usual.Count < ReviewTimes.FewestToCompare || usual.Score(took) > OutlierScore)
                    continue;
                var reviewer = people.NameOf(invitation.Reviewer);
                yield return new Finding(Name, $"{Name}:{invitation.Assignment}", Severity.Low, manuscript.Journal, [manuscript.Id], [invitation.Reviewer],
                    $"{reviewer} reviewed “{manuscript.Title}” in {took.Words()}",
                    $"{reviewer} returned a review recommending {Recommendations.Words(invitation.Recommendation)} {took.Words()} after " +
                    $"{(invitation.AcceptedAt is null ? "being invited" : "accepting the invitation")}. " +
                    $"{usual.Describe(invitation.Round == 1, record.JournalTitle(manuscript.Journal))}; {usual.ShareAsFast(took):P1} of them were as fast.",
                    invitation.Evidence);
            }
    }
}

public static class Recommendations
{
    public static string Words(string? recommendation) => recommendation switch
    {
        "Accept" => "acceptance",
        "MinorRevision" => "minor revision",
        "MajorRevision" => "major revision",
        "Reject" => "rejection",
        _ => "nothing"
    };
}
