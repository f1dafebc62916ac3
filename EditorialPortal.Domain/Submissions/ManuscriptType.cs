namespace EditorialPortal.Domain.Submissions;

public enum ManuscriptType
{
    ResearchArticle,
    ReviewArticle,
    ShortCommunication,
    Letter
}

public static class ManuscriptTypes
{
    public static string Describe(this ManuscriptType type) => type switch
    {
        ManuscriptType.ResearchArticle => "Research article",
        ManuscriptType.ReviewArticle => "Review article",
        ManuscriptType.ShortCommunication => "Short communication",
        ManuscriptType.Letter => "Letter",
        _ => type.ToString()
    };
}
