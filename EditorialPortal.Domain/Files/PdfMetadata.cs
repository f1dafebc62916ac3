using System.Text;
using System.Text.RegularExpressions;

namespace EditorialPortal.Domain.Files;

/// <summary>
/// The author a PDF names in its own properties (the document information dictionary and XMP's dc:creator), which
/// word processors fill in from the writer's account: in double-blind review that alone would tell reviewers who wrote it.
/// </summary>
public static partial class PdfMetadata
{
    /// <summary>How much of each end of a file is read: metadata sits near the start of a linearised PDF or near the end of others.</summary>
    public const int ScannedBytesAtEachEnd = 1024 * 1024;

    /// <summary>The names found, distinct, in the order met; empty when the file names nobody.</summary>
    public static IReadOnlyList<string> AuthorsNamed(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var names = new List<string>();
        foreach (Match m in LiteralAuthor().Matches(text)) names.Add(Decode(Unescape(m.Groups["value"].Value)));
        foreach (Match m in HexAuthor().Matches(text)) names.Add(Decode(FromHex(m.Groups["value"].Value)));
        foreach (Match m in XmpCreator().Matches(text))
            foreach (Match item in XmpItem().Matches(m.Groups["items"].Value))
                names.Add(Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(item.Groups["value"].Value)));
        return [.. names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    // PDF text strings are PDFDocEncoding (here read as Latin-1) or UTF-16BE behind a byte-order mark.
    private static string Decode(byte[] raw) =>
        raw.Length >= 2 && raw[0] == 0xFE && raw[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(raw, 2, raw.Length - 2) : Encoding.Latin1.GetString(raw);

    private static byte[] Unescape(string literal)
    {
        var bytes = new List<byte>(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (c != '\\' || i + 1 == literal.Length)
            {
                bytes.Add((byte)c);
                continue;
            }
            var next = literal[++i];
            if (next is >= '0' and <= '7')
            {
                var octal = 0;
                var digits = 0;
                for (; digits < 3 && i < literal.Length && literal[i] is >= '0' and <= '7'; digits++, i++) octal = octal * 8 + (literal[i] - '0');
                i--;
                bytes.Add((byte)octal);
                continue;
            }
            bytes.Add(next switch { 'n' => (byte)'\n', 'r' => (byte)'\r', 't' => (byte)'\t', 'b' => 8, 'f' => 12, _ => (byte)next });
        }
        return [.. bytes];
    }

    private static byte[] FromHex(string hex)
    {
        var digits = new string([.. hex.Where(Uri.IsHexDigit)]);
        if (digits.Length % 2 == 1) digits += "0";
        return Convert.FromHexString(digits);
    }

    [GeneratedRegex(@"/Author\s*\((?<value>(?:\\.|[^\\)])*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralAuthor();

    [GeneratedRegex(@"/Author\s*<(?<value>[0-9A-Fa-f\s]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex HexAuthor();

    [GeneratedRegex(@"<dc:creator>(?<items>.*?)</dc:creator>", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex XmpCreator();

    [GeneratedRegex(@"<rdf:li[^>]*>(?<value>[^<]*)</rdf:li>", RegexOptions.CultureInvariant)]
    private static partial Regex XmpItem();
}
