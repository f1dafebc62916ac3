using System.Text.RegularExpressions;

namespace EditorialPortal.Domain.People;

public static partial class EmailAddress
{
    // Deliberately permissive: the confirmation mail is the real test of an address.
    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]+$")]
    private static partial Regex Shape();

    public static bool IsPlausible(string text) => text.Length <= 254 && Shape().IsMatch(text);

    public static string Normalise(string text) => text.Trim().ToLowerInvariant();

    public static bool Same(string a, string b) => string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);
}
