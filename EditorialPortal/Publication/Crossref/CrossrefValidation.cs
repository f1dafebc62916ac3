using System.Xml;
using System.Xml.Schema;

namespace EditorialPortal.Publication.Crossref;

/// <summary>
/// Validation against the Crossref 5.3.1 deposit schema, whose whole bundle the portal carries inside itself: every
/// import and include resolves to a shipped file, the network addresses some of them name included, and nothing else.
/// </summary>
public static class CrossrefValidation
{
    public const string RootSchema = "crossref5.3.1.xsd";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What is wrong with the deposit, in the validator's words with line numbers; none when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string deposit, int most = 5) =>
        Xml.SchemaValidation.Problems(Schemas.Value, settings => XmlReader.Create(new StringReader(deposit), settings),
            root => root.LocalName != "doi_batch" ? $"the root element is <{root.Name}>; a Crossref deposit's root is <doi_batch>." : null, most);

    private static XmlSchemaSet Load()
    {
        var resolver = new ShippedBundle();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var root = new Uri(ShippedBundle.Base, RootSchema);
        using (var stream = (Stream)resolver.GetEntity(root, null, typeof(Stream)))
            set.Add(null, XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }, root.AbsoluteUri));
        set.Compile();
        return set;
    }

    private sealed class ShippedBundle : XmlResolver
    {
        public static readonly Uri Base = new("crossref-schemas:///");

        // One copy of each schema that is named in more than one way, so that none is declared twice.
        private static readonly Dictionary<string, string> Canonical = new()
        {
            ["http://www.w3.org/Math/XMLSchema/mathml3/mathml3.xsd"] = "standard-modules/mathml3/mathml3.xsd",
            ["http://www.w3.org/2001/xml.xsd"] = "xml.xsd",
            ["http://www.w3.org/2009/01/xml.xsd"] = "xml.xsd"
        };

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            if (relativeUri is not null && Canonical.TryGetValue(relativeUri, out var known)) return new Uri(Base, known);
            var resolved = base.ResolveUri(baseUri ?? Base, relativeUri);
            return resolved.Scheme == Base.Scheme && Path.GetFileName(resolved.AbsolutePath) == "xml.xsd" ? new Uri(Base, "xml.xsd") : resolved;
        }

        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (absoluteUri.Scheme != Base.Scheme) throw new XmlException($"The Crossref schemas do not reach {absoluteUri}: only the shipped bundle is read.");
            return typeof(CrossrefValidation).Assembly.GetManifestResourceStream("crossref-schemas/" + absoluteUri.AbsolutePath.TrimStart('/'))
                ?? throw new FileNotFoundException($"The Crossref schema file {absoluteUri.AbsolutePath} is not shipped with the portal.");
        }
    }
}
