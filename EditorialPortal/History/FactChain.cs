using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EditorialPortal.History;

/// <summary>
/// The hash that chains each fact to the one before it in its stream, so that an edited, removed or reordered fact
/// shows. Computed from the fact as stored (its JSON in a canonical form), so that anyone holding the facts can
/// recompute it: SHA-256 over the UTF-8 of
/// <c>previous-hash \n type \n version \n at \n actor \n canonical-data</c>, lower-case hex; the first fact's previous
/// hash is 64 zeros. The canonical data is the JSON with object keys in ordinal order, no whitespace, whole numbers
/// without a fraction, and strings in ASCII: every character outside space to tilde escaped (\n, \r, \t, \b, \f, \",
/// \\, otherwise \u with four lower-case hex digits of its UTF-16 code unit).
/// </summary>
public static class FactChain
{
    /// <summary>The fact header that holds the hash.</summary>
    public const string Header = "chain";

    public static readonly string Genesis = new('0', 64);

    /// <param name="type">The fact's name in the domain, such as <c>DecisionRecorded</c>.</param>
    /// <param name="data">The fact as stored; its <c>At</c> and <c>By</c> are the time and the acting account.</param>
    public static string Link(string previous, string type, long version, JsonElement data)
    {
        var text = string.Join('\n', previous, type, version.ToString(CultureInfo.InvariantCulture),
            Property(data, "At"), Property(data, "By"), CanonicalForm(data));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Link(string previous, string type, long version, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Link(previous, type, version, document.RootElement);
    }

    public static string CanonicalForm(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return text.ToString();
    }

    private static string Property(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first) text.Append(',');
                    first = false;
                    WriteString(property.Name, text);
                    text.Append(':');
                    Write(property.Value, text);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0) text.Append(',');
                    Write(item, text);
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            // PostgreSQL's jsonb may spell a number differently from the serializer (1.50, 15.0): its value is what counts.
            case JsonValueKind.Number when element.TryGetInt64(out var whole):
                text.Append(whole.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Number when element.GetDouble() is var number && Math.Abs(number) < 9e15 && number == Math.Floor(number):
                text.Append(((long)number).ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Number:
                text.Append(element.GetDouble().ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    // Plain ASCII: every character outside space to tilde escaped, as most JSON libraries can be told to write.
    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ' or > '~': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }
}
