using System.Text;

namespace EditorialPortal.Domain.Files;

/// <summary>
/// Looks for what makes a PDF act rather than show: scripts, actions that launch programs, embedded files. A
/// manuscript needs none of them, and a reviewer's reader might run them. Fed the file piece by piece as it streams
/// in; a name split between two pieces is still found. Names inside compressed object streams are not seen.
/// </summary>
public sealed class PdfActiveContent
{
    private static readonly (byte[] Name, string Meaning)[] Names =
    [
        (Encoding.ASCII.GetBytes("/JavaScript"), "JavaScript"),
        (Encoding.ASCII.GetBytes("/JS"), "JavaScript"),
        (Encoding.ASCII.GetBytes("/Launch"), "an action that starts a program"),
        (Encoding.ASCII.GetBytes("/EmbeddedFile"), "an embedded file"),
        (Encoding.ASCII.GetBytes("/RichMedia"), "embedded media that can run code")
    ];

    private static readonly int Overlap = Names.Max(n => n.Name.Length);
    private readonly byte[] _carry = new byte[Overlap];
    private int _carried;

    /// <summary>What the file contains that a manuscript should not, in words; null while nothing is found.</summary>
    public string? Found { get; private set; }

    public void Feed(ReadOnlySpan<byte> piece)
    {
        if (Found is not null || piece.IsEmpty) return;
        var window = new byte[_carried + piece.Length];
        _carry.AsSpan(0, _carried).CopyTo(window);
        piece.CopyTo(window.AsSpan(_carried));
        Found = Scan(window);
        _carried = Math.Min(Overlap, window.Length);
        window.AsSpan(window.Length - _carried).CopyTo(_carry);
    }

    public static string? In(ReadOnlySpan<byte> file)
    {
        var scan = new PdfActiveContent();
        scan.Feed(file);
        return scan.Found;
    }

    // A PDF name ends at whitespace or a delimiter: "/JS" counts, "/JSON" does not.
    private static string? Scan(ReadOnlySpan<byte> text)
    {
        foreach (var (name, meaning) in Names)
        {
            var rest = text;
            int at;
            while ((at = rest.IndexOf(name)) >= 0)
            {
                var end = at + name.Length;
                if (end == rest.Length || IsDelimiter(rest[end])) return meaning;
                rest = rest[end..];
            }
        }
        return null;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0
        or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
