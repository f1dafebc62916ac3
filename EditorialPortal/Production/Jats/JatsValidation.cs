using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;

namespace EditorialPortal.Production.Jats;

/// <summary>
/// Validation against the JATS 1.3 Journal Publishing schema (with MathML 3), which the portal carries inside itself:
/// no schema, DTD or entity is ever fetched from the network, whatever a document declares.
/// </summary>
public static class JatsValidation
{
    public const string RootSchema = "JATS-journalpublishing1-3-mathml3.xsd";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What is wrong with the document as JATS 1.3, in the validator's words with line numbers; none when it is valid.</summary>
    /// <param name="most">How many problems to report before stopping.</param>
    public static IReadOnlyList<string> Problems(Stream document, int most = 5) =>
        Xml.SchemaValidation.Problems(Schemas.Value, settings => XmlReader.Create(document, settings),
            root => root.LocalName != "article" || root.NamespaceURI.Length > 0 ? $"the root element is <{root.Name}>; a JATS article's root is <article>." : null, most);

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new ShippedSchemas() };
        using var root = ShippedSchemas.Open(RootSchema);
        set.Add(null, XmlReader.Create(root, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }, ShippedSchemas.BaseUri + RootSchema));
        set.Compile();
        return set;
    }

    /// <summary>The schemas shipped in the portal's assembly: every import resolves to one of them, by its file name, or fails.</summary>
    private sealed class ShippedSchemas : XmlResolver
    {
        public const string BaseUri = "jats-schemas:///";

        // The W3C's own addresses for the xml: namespace's schema, which some modules name.
        private static readonly ConcurrentDictionary<string, string> KnownAddresses = new()
        {
            ["http://www.w3.org/2001/xml.xsd"] = "xml.xsd",
            ["http://www.w3.org/2009/01/xml.xsd"] = "xml.xsd"
        };

        public static Stream Open(string fileName) =>
            typeof(JatsValidation).Assembly.GetManifestResourceStream($"{typeof(JatsValidation).Namespace}.Schemas.{fileName}")
            ?? throw new FileNotFoundException($"The JATS schema file {fileName} is not shipped with the portal.");

        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var name = KnownAddresses.TryGetValue(absoluteUri.OriginalString, out var known) ? known
                : absoluteUri.OriginalString.StartsWith(BaseUri, StringComparison.Ordinal) ? absoluteUri.OriginalString[BaseUri.Length..]
                : throw new XmlException($"The schema at {absoluteUri} is not shipped with the portal, and nothing is fetched from the network.");
            return Open(name);
        }

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            relativeUri is not null && KnownAddresses.ContainsKey(relativeUri) ? new Uri(relativeUri) : base.ResolveUri(baseUri ?? new Uri(BaseUri), relativeUri);
    }
}
