using System.Text.RegularExpressions;

namespace EditorialPortal.Domain.People;

/// <summary>ORCID iD rules: four groups of four characters whose last one is an ISO 7064 MOD 11-2 check character.</summary>
public static partial class Orcid
{
    [GeneratedRegex(@"^(https?://orcid\.org/)?(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();

    /// <summary>The bare iD (0000-0002-1825-0097) if <paramref name="text"/> is a valid ORCID iD, with or without the orcid.org prefix.</summary>
    public static string? Normalise(string text)
    {
        var match = Shape().Match(text.Trim());
        if (!match.Success) return null;
        var id = $"{match.Groups[2].Value}-{match.Groups[3].Value}-{match.Groups[4].Value}-{match.Groups[5].Value}".ToUpperInvariant();
        var digits = id.Replace("-", "");
        return CheckCharacter(digits[..15]) == digits[15] ? id : null;
    }

    private static char CheckCharacter(string baseDigits)
    {
        var total = 0;
        foreach (var digit in baseDigits) total = (total + (digit - '0')) * 2;
        var result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }
}
