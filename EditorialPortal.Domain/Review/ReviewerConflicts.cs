using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;

namespace EditorialPortal.Domain.Review;

/// <summary>
/// Reasons a candidate may not judge a manuscript fairly. Being one of its authors rules them out; the others are
/// warnings an editor may override with a recorded reason.
/// </summary>
public static class ReviewerConflicts
{
    /// <param name="coauthorsElsewhere">Email addresses of people who wrote other manuscripts in this system with this one's authors.</param>
    public static IReadOnlyList<string> Warnings(Submission s, Account candidate, IReadOnlySet<string> coauthorsElsewhere)
    {
        var warnings = new List<string>();
        var candidateDomain = Domain(candidate.Email);
        foreach (var author in s.Authors)
        {
            if (candidate.Affiliation.Length > 0 && string.Equals(candidate.Affiliation.Trim(), author.Affiliation.Trim(), StringComparison.OrdinalIgnoreCase))
                warnings.Add($"{candidate.Name} works at {author.Affiliation}, like the author {author.Name}.");
            else if (candidateDomain is not null && candidateDomain == Domain(author.Email) && !PublicMailDomains.Contains(candidateDomain))
                warnings.Add($"{candidate.Name}'s email address is at {candidateDomain}, like that of the author {author.Name}.");
        }
        if (s.ReviewerPreferences.FirstOrDefault(p => p.Opposed && EmailAddress.Same(p.Email, candidate.Email)) is { } opposed)
            warnings.Add($"The authors asked that {candidate.Name} not review this manuscript: “{opposed.Reason}”.");
        if (coauthorsElsewhere.Contains(EmailAddress.Normalise(candidate.Email)))
            warnings.Add($"{candidate.Name} has written another manuscript in this system with one of the authors.");
        return warnings;
    }

    public static bool RulesOut(Submission s, Account candidate) => Conflicts.IsAuthor(s, candidate) || Conflicts.HasDeclaredConflict(s, candidate);

    private static string? Domain(string email) => email.LastIndexOf('@') is var at and > 0 ? email[(at + 1)..].ToLowerInvariant() : null;

    // Sharing a public mail provider says nothing about sharing an institution.
    private static readonly IReadOnlySet<string> PublicMailDomains = new HashSet<string>
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "proton.me", "protonmail.com",
        "qq.com", "163.com", "126.com", "gmx.de", "web.de", "mail.ru", "yandex.ru"
    };
}
