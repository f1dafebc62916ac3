namespace EditorialPortal.Domain.Production;

/// <summary>
/// How a journal produces its accepted articles: which steps it runs, and what its articles carry by default. A small
/// journal can go straight from the accepted file to a PDF galley.
/// </summary>
/// <param name="ProofRounds">How many rounds of proofs the journal expects; the production editor may send more.</param>
/// <param name="Publisher">The publisher named in the articles' metadata.</param>
public sealed record ProductionSettings(bool Copyediting = true, bool AuthorReviewsCopyedits = true, int ProofRounds = 1,
    string LicenceName = "CC BY 4.0", string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/", string Publisher = "")
{
    public const int MostProofRounds = 5;

    public static readonly ProductionSettings Default = new();

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ProofRounds is < 0 or > MostProofRounds) problems.Add($"Expect between 0 and {MostProofRounds} rounds of proofs.");
        if (string.IsNullOrWhiteSpace(LicenceName)) problems.Add("Name the licence the journal's articles carry.");
        if (!Uri.TryCreate(LicenceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")) problems.Add("Give the licence's address (https://…).");
        if (Publisher.Length > 200) problems.Add("Keep the publisher's name under 200 characters.");
        return problems;
    }
}
