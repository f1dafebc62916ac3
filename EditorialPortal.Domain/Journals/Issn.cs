using System.Text.RegularExpressions;

namespace EditorialPortal.Domain.Journals;

/// <summary>ISSN rules: seven digits and a MOD 11 check character (0-9 or X), written NNNN-NNNC.</summary>
public static partial class Issn
{
    [GeneratedRegex(@"^(\d{4})-?(\d{3}[\dXx])$")]
    private static partial Regex Shape();

    /// <summary>The ISSN as NNNN-NNNC if <paramref name="text"/> is one with a matching check character, else null.</summary>
    public static string? Normalise(string text)
    {
        var match = Shape().Match(text.Trim());
        if (!match.Success) return null;
        var digits = (match.Groups[1].Value + match.Groups[2].Value).ToUpperInvariant();
        var sum = 0;
        for (var i = 0; i < 7; i++) sum += (digits[i] - '0') * (8 - i);
        var check = (11 - sum % 11) % 11;
        var expected = check == 10 ? 'X' : (char)('0' + check);
        return digits[7] == expected ? $"{digits[..4]}-{digits[4..]}" : null;
    }
}
