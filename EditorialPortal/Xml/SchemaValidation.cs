using System.Xml;
using System.Xml.Schema;

namespace EditorialPortal.Xml;

/// <summary>
/// Reads a document through a compiled schema set and gathers what is wrong with it in the validator's words, with line
/// numbers. No DTD, schema or entity is fetched: the schema set comes from what the portal ships.
/// </summary>
public static class SchemaValidation
{
    /// <param name="root">Checks the document's root element, once, adding a problem if it is not the one expected.</param>
    /// <param name="most">How many problems to report before stopping.</param>
    public static IReadOnlyList<string> Problems(XmlSchemaSet schemas, Func<XmlReaderSettings, XmlReader> open, Func<XmlReader, string?>? root = null, int most = 5)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            // A DOCTYPE naming a DTD is common in JATS and harmless: it is read past, never fetched.
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            MaxCharactersFromEntities = 0
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (problems.Count < most) problems.Add($"Line {e.Exception.LineNumber}: {e.Message}");
        };
        try
        {
            using var reader = open(settings);
            var first = true;
            while (reader.Read() && problems.Count < most)
            {
                if (reader.NodeType != XmlNodeType.Element || !first) continue;
                first = false;
                if (root?.Invoke(reader) is { } wrong) problems.Add($"Line {((IXmlLineInfo)reader).LineNumber}: {wrong}");
            }
        }
        catch (XmlException e)
        {
            problems.Add($"Line {e.LineNumber}: {e.Message}");
        }
        return problems;
    }
}
