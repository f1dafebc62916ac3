using System.Xml.Linq;
using Ganss.Xss;

namespace EditorialPortal.Production.Jats;

/// <summary>
/// The HTML readers see of an article: rendered from its JATS, or an uploaded HTML galley, and in both cases passed
/// through the sanitizer, so that no script, handler or foreign frame survives whatever the file holds.
/// </summary>
public static class GalleyHtml
{
    private static readonly HtmlSanitizer Sanitizer = NewSanitizer();

    /// <summary>The article's JATS as HTML: its title, authors, abstract and body, sections, lists, figures' captions and tables.</summary>
    public static string FromJats(XDocument jats)
    {
        var article = jats.Root ?? throw new ArgumentException("The document has no root element.", nameof(jats));
        var meta = article.Element("front")?.Element("article-meta");
        var html = new XElement("article",
            new XElement("h1", Inline(meta?.Element("title-group")?.Element("article-title"))),
            new XElement("p", new XAttribute("class", "authors"),
                string.Join(", ", meta?.Element("contrib-group")?.Elements("contrib").Select(Name) ?? [])),
            meta?.Element("abstract") is { } abstractText ? new XElement("section", new XAttribute("class", "abstract"), new XElement("h2", "Abstract"), Blocks(abstractText)) : null,
            article.Element("body") is { } body ? Blocks(body) : null,
            article.Element("back")?.Element("ref-list") is { } refs
                ? new XElement("section", new XAttribute("class", "references"), new XElement("h2", "References"),
                    new XElement("ol", refs.Elements("ref").Select(r => new XElement("li", new XAttribute("id", (string?)r.Attribute("id") ?? ""), r.Value.Trim()))))
                : null);
        return Sanitize(html.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>
    /// What readers see of an HTML or JATS galley's file: an HTML galley sanitised, a JATS one rendered. A JATS file that
    /// cannot be read answers its problem instead; no DTD is fetched and no entity expanded.
    /// </summary>
    public static async Task<(string? Html, string? Problem)> Of(Domain.Production.GalleyFormat format, Stream stored)
    {
        try
        {
            return format == Domain.Production.GalleyFormat.Html
                ? (Sanitize(await new StreamReader(stored).ReadToEndAsync()), null)
                : (FromJats(XDocument.Load(System.Xml.XmlReader.Create(stored,
                    new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore, XmlResolver = null }))), null);
        }
        catch (System.Xml.XmlException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>An uploaded HTML galley's body, made safe to show inside the portal's own page.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer NewSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "https", "http", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Add("article");
        sanitizer.AllowedTags.Add("section");
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }

    private static string Name(XElement contrib)
    {
        var name = contrib.Element("name");
        return name is null ? contrib.Value.Trim() : $"{(string?)name.Element("given-names")} {(string?)name.Element("surname")}".Trim();
    }

    private static IEnumerable<XNode> Blocks(XElement container) => container.Elements().Select(Block).OfType<XNode>();

    private static XNode? Block(XElement element) => element.Name.LocalName switch
    {
        "sec" => new XElement("section", element.Elements().Select(child => child.Name.LocalName == "title" ? new XElement("h2", Inline(child)) : Block(child))),
        "title" => new XElement("h3", Inline(element)),
        "p" => new XElement("p", Inline(element)),
        "list" => new XElement((string?)element.Attribute("list-type") is "order" ? "ol" : "ul",
            element.Elements("list-item").Select(item => new XElement("li", item.Elements().Select(Block)))),
        "fig" or "table-wrap" => new XElement("figure",
            element.Element("table") is { } table ? Table(table) : null,
            new XElement("figcaption", element.Element("label")?.Value, " ", element.Element("caption")?.Elements().Select(c => Inline(c)))),
        "disp-quote" => new XElement("blockquote", Blocks(element)),
        "disp-formula" => new XElement("p", new XAttribute("class", "formula"), element.Value.Trim()),
        _ => null
    };

    // JATS tables are XHTML tables already; only their cells' text and structure are kept.
    private static XElement Table(XElement table) =>
        new("table", table.Descendants("tr").Select(row => new XElement("tr", row.Elements().Select(cell => new XElement(cell.Name.LocalName == "th" ? "th" : "td", Inline(cell))))));

    private static IEnumerable<object> Inline(XElement? element)
    {
        if (element is null) yield break;
        foreach (var node in element.Nodes())
        {
            if (node is XText text) yield return text.Value;
            else if (node is XElement child)
                yield return child.Name.LocalName switch
                {
                    "italic" => new XElement("em", Inline(child)),
                    "bold" => new XElement("strong", Inline(child)),
                    "sup" => new XElement("sup", Inline(child)),
                    "sub" => new XElement("sub", Inline(child)),
                    "monospace" => new XElement("code", Inline(child)),
                    "ext-link" or "uri" => new XElement("a", new XAttribute("href", (string?)child.Attribute(JatsArticle.XLink + "href") ?? child.Value), Inline(child)),
                    "xref" => new XElement("a", new XAttribute("href", $"#{(string?)child.Attribute("rid")}"), Inline(child)),
                    _ => child.Value
                };
        }
    }
}
