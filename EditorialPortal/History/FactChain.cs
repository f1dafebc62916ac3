using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EditorialPortal.History;

/// <summary>
/// The hash that chains each fact to the one before it in its stream, so that an edited, removed or reordered fact
/// shows. Computed from the fact as stored (its JSON in a canonical form), so that anyone holding the facts can
/// recompute it: SHA-256 over the UTF-8 of
/// <c>previous-hash \n type \n version \n at \n actor \n canonical-data</c>, lower-case hex; the first fact's previous
/// hash is 64 zeros. The canonical data is the JSON with object keys in ordinal order, no whitespace, numbers in
/// their shortest form and strings escaped only where JSON requires it.
/// </summary>
public static class FactChain
{
    /// <summary>The fact header that holds the hash.</summary>
    public const string Header = "chain";

    public static readonly string Genesis = new('0', 64);

    private static readonly JsonWriterOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

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
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Canonical)) Write(element, writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Property(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(item, writer);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            // PostgreSQL's jsonb may spell a number differently from the serializer (1.50, 1.5E1): its value is what counts.
            case JsonValueKind.Number when element.TryGetInt64(out var whole):
                writer.WriteNumberValue(whole);
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(element.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
