using EditorialPortal.Contracts;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EditorialPortal.Api;

namespace EditorialPortal.History;

/// <summary>The history API's answer for a person who opened its link in a browser: the same facts and links, as a page.</summary>
public static class HistoryHtml
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Page(string title, IReadOnlyList<RecordedFact> facts, IEnumerable<KeyValuePair<string, Link?>> links)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{html.Encode(title)} · EditorialPortal</title>
            <style>
              body {"{"} font-family: system-ui, sans-serif; margin: 1.5rem; color: #1f2937; {"}"}
              table {"{"} border-collapse: collapse; width: 100%; {"}"}
              th, td {"{"} text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #e5e7eb; {"}"}
              details pre {"{"} white-space: pre-wrap; word-break: break-word; background: #f9fafb; padding: .5rem; {"}"}
              .meta {"{"} color: #6b7280; font-size: .85rem; overflow-wrap: anywhere; {"}"}
              @media (max-width: 600px) {"{"}
                body {"{"} margin: 1rem; {"}"}
                thead {"{"} display: none; {"}"}
                tr {"{"} display: block; padding: .5rem 0; border-bottom: 1px solid #e5e7eb; {"}"}
                td {"{"} display: block; border: none; padding: .1rem 0; {"}"}
                td div.meta {"{"} display: inline; margin-left: .4rem; {"}"}
              {"}"}
            </style></head><body>
            <h1>{html.Encode(title)}</h1>
            <p class="meta">{facts.Count} facts. This page is the API's answer shown for a browser; programs get the same as JSON (or NDJSON).</p>
            <nav><ul>
            """);
        foreach (var (relation, link) in links)
            if (link is { } target)
                page.Append($"<li><a rel=\"{html.Encode(relation)}\" href=\"{html.Encode(target.Href)}\">{html.Encode(relation)}</a></li>");
        page.Append("</ul></nav><table><thead><tr><th>#</th><th>When (UTC)</th><th>Who</th><th>What</th></tr></thead><tbody>");
        foreach (var fact in facts)
        {
            var what = fact.Summary.Length > 0 ? $"{fact.ActorName} {fact.Summary}" : fact.Type;
            page.Append($"""
                <tr data-type="{html.Encode(fact.Type)}"><td>{fact.Version}<div class="meta">seq {fact.Sequence}</div></td>
                <td>{fact.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td>
                <td>{html.Encode(fact.ActorName)}<div class="meta">{html.Encode(fact.ActorRole)}</div></td>
                <td>{html.Encode(what)} {(fact.Kind.Length > 0 ? $"<a href=\"{html.Encode($"/submissions/{fact.Stream}?at={fact.Version}")}\">as it was then</a>" : "")}
                <details><summary>{html.Encode(fact.Type)}</summary><pre>{html.Encode(fact.Data?.ToJsonString(Indented) ?? "")}</pre>
                {(fact.Chain is { } chain ? $"<div class=\"meta\">chain {html.Encode(chain)}</div>" : "")}</details></td></tr>
                """);
        }
        page.Append("</tbody></table></body></html>");
        return page.ToString();
    }
}
