using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EditorialPortal.Domain.Publication;

/// <summary>How a journal's DOI suffixes are made.</summary>
public enum DoiSuffixRule
{
    /// <summary>A short random suffix with a check character, as the journal's prefix plus, say, <c>k3f9-7m2q</c>.</summary>
    Random,

    /// <summary>The journal's pattern, such as <c>{journal}.{year}.{number}</c>.</summary>
    Pattern,

    /// <summary>Typed by the production editor.</summary>
    Manual
}

/// <summary>
/// How a journal publishes: where its reader site lives, and how its DOIs are made. A journal without a DOI prefix
/// publishes without DOIs.
/// </summary>
/// <param name="Path">The journal's address on the reader site: <c>/read/{Path}</c>.</param>
/// <param name="Abbreviation">The journal's short name, for <c>{journal}</c> in a DOI pattern.</param>
/// <param name="NumbersArticles">
/// Whether the journal publishes continuously: each article published on its own, in no issue, gets the journal's next
/// article number (e1, e2, …), which stands where a page range would (JATS <c>elocation-id</c>, Crossref's item number).
/// </param>
/// <param name="CrossmarkPolicy">
/// The DOI of the publisher's Crossmark policy page, for a journal in Crossref's Crossmark: its deposits then carry
/// Crossmark, and a notice's deposit names the article it updates.
/// </param>
public sealed record PublicationSettings(string Path = "", string? DoiPrefix = null, DoiSuffixRule SuffixRule = DoiSuffixRule.Random,
    string SuffixPattern = Dois.DefaultPattern, string Abbreviation = "", string? CrossmarkPolicy = null, bool NumbersArticles = false)
{
    public static readonly PublicationSettings Default = new();

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Path.Length > 0 && !Dois.IsPath(Path)) problems.Add("The journal's address is 2 to 40 lower-case letters, digits and hyphens, such as “marine-ecology”.");
        if (DoiPrefix is { } prefix && !Dois.IsPrefix(prefix)) problems.Add("A DOI prefix is “10.” and four to nine digits, such as 10.55555.");
        if (CrossmarkPolicy is { } policy && !Dois.IsDoi(policy)) problems.Add("The Crossmark policy is the DOI of the policy's page, such as 10.55555/crossmark-policy.");
        if (Abbreviation.Length > 20 || !Abbreviation.All(char.IsAsciiLetterOrDigit)) problems.Add("The abbreviation is at most 20 letters and digits.");
        if (SuffixRule == DoiSuffixRule.Pattern && (!SuffixPattern.Contains("{number}") || !Dois.IsSuffix(Dois.Expand(SuffixPattern, "a", 2026, 1))))
            problems.Add("A DOI pattern holds {number}, and may hold {journal} and {year}, with letters, digits, dots and hyphens between them.");
        return problems;
    }
}

/// <summary>DOIs as the portal makes and checks them: a prefix, a slash, and a suffix by the journal's rule.</summary>
public static partial class Dois
{
    public const string DefaultPattern = "{journal}.{year}.{number}";

    // Crockford's base 32: no I, L, O or U, so that nothing read aloud or copied by hand is mistaken.
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static bool IsPrefix(string prefix) => Prefix().IsMatch(prefix);

    public static bool IsPath(string path) => PathPattern().IsMatch(path);

    public static bool IsSuffix(string suffix) => Suffix().IsMatch(suffix);

    /// <summary>Any DOI, under any prefix: "10.", the registrant's digits, a slash and a suffix without spaces.</summary>
    public static bool IsDoi(string doi) => doi.IndexOf('/') is > 3 and var slash && IsPrefix(doi[..slash]) && slash < doi.Length - 1 && !doi.Any(char.IsWhiteSpace);

    /// <summary>
    /// The random suffix of an article: eight characters drawn from its id (and the attempt, if one was taken), the last a
    /// check character over the other seven, grouped in fours.
    /// </summary>
    public static string RandomSuffix(Guid article, int attempt = 0)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{article:N}/{attempt}"));
        var body = new string([.. hash.Take(7).Select(b => Alphabet[b % 32])]);
        var full = body + CheckCharacter(body);
        return $"{full[..4]}-{full[4..]}";
    }

    /// <summary>Whether a suffix is one of the random kind, its check character right: a typing slip is caught.</summary>
    public static bool IsRandomSuffix(string suffix)
    {
        var plain = suffix.Replace("-", "");
        return suffix.Length == 9 && suffix[4] == '-' && plain.All(Alphabet.Contains) && plain[^1] == CheckCharacter(plain[..^1]);
    }

    // A weighted sum modulo 31 (a prime), so that a changed character or two swapped ones change the check.
    private static char CheckCharacter(string body) => Alphabet[body.Select((c, i) => Alphabet.IndexOf(c) * (i + 1)).Sum() % 31];

    public static string Expand(string pattern, string journal, int year, int number) => Expand(pattern, journal, year, number.ToString());

    private static string Expand(string pattern, string journal, int year, string number) =>
        pattern.Replace("{journal}", journal.ToLowerInvariant()).Replace("{year}", year.ToString()).Replace("{number}", number);

    /// <summary>Whether a suffix is what the pattern makes for some number.</summary>
    public static bool FitsPattern(string suffix, string pattern, string journal, int year) =>
        Regex.IsMatch(suffix, "^" + Regex.Escape(Expand(pattern, journal, year, "\u0001")).Replace("\u0001", "[1-9][0-9]*") + "$", RegexOptions.None,
            TimeSpan.FromSeconds(1));

    /// <summary>The DOI the journal's rule gives the article: its <paramref name="number"/>th in the journal, in <paramref name="year"/>.</summary>
    public static string? Suggest(PublicationSettings settings, Guid article, int year, int number, int attempt = 0) =>
        settings.DoiPrefix is not { } prefix ? null
        : settings.SuffixRule switch
        {
            DoiSuffixRule.Random => $"{prefix}/{RandomSuffix(article, attempt)}",
            DoiSuffixRule.Pattern => $"{prefix}/{Expand(settings.SuffixPattern, settings.Abbreviation, year, number + attempt)}",
            _ => null
        };

    /// <summary>The resolver's address of a DOI.</summary>
    public static string Link(string doi) => $"https://doi.org/{doi}";

    [GeneratedRegex(@"^10\.[0-9]{4,9}$")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$")]
    private static partial Regex PathPattern();

    // What Crossref advises for suffixes that survive every system: letters, digits and - . _ ; ( ) /
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-._;()/]{0,99}$")]
    private static partial Regex Suffix();
}
