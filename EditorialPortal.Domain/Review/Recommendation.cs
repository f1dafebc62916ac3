namespace EditorialPortal.Domain.Review;

public enum Recommendation
{
    Accept,
    MinorRevision,
    MajorRevision,
    Reject
}

public static class Recommendations
{
    public static string Describe(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.Accept => "Accept",
        Recommendation.MinorRevision => "Minor revision",
        Recommendation.MajorRevision => "Major revision",
        Recommendation.Reject => "Reject",
        _ => recommendation.ToString()
    };
}
