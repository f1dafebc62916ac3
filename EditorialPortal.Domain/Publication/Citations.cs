using System.Text;
using EditorialPortal.Domain.Journals;

namespace EditorialPortal.Domain.Publication;

/// <summary>How to cite a published article: APA, Vancouver and Harvard in words, and BibTeX and RIS for reference managers.</summary>
public static class Citations
{
    private static (string Family, string Given) NameParts(string name)
    {
        var parts = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 1 ? (name.Trim(), "") : (parts[^1], string.Join(' ', parts[..^1]));
    }

    private static string Initials(string given, string separator) =>
        string.Join(separator, given.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0])));

    private static int Year(PublishedArticle a) => (a.PublishedAt ?? a.ReadyAt).Year;

    // Where in the journal: ", 12(3), 1–19" in APA's form, ", e12" for a numbered article of continuous publication.
    private static string Volume(PublishedArticle a, string pagesPrefix = "") => a.Issue is { } i
        ? $", {i.Volume}({i.Number}){(i.Pages is { } p ? $", {(Issues.IssuePages.IsArticleNumber(p) ? "" : pagesPrefix)}{p}" : "")}"
        : a.ArticleNumber is { } number ? $", {number}" : "";

    private static string DoiTail(PublishedArticle a) => a.Doi is { } doi ? $" {Dois.Link(doi)}" : "";

    public static string Apa(PublishedArticle a, Journal journal)
    {
        var names = a.Metadata.Authors.Select(x => NameParts(x.Name)).Select(n => n.Given.Length == 0 ? n.Family : $"{n.Family}, {Initials(n.Given, ". ")}.").ToList();
        var authors = names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => string.Join(", ", names.SkipLast(1)) + ", & " + names[^1]
        };
        return $"{authors} ({Year(a)}). {a.Metadata.Title}. {journal.Title}{Volume(a)}.{DoiTail(a)}";
    }

    public static string Vancouver(PublishedArticle a, Journal journal)
    {
        var names = a.Metadata.Authors.Select(x => NameParts(x.Name)).Select(n => $"{n.Family} {Initials(n.Given, "")}".Trim()).ToList();
        var authors = names.Count > 6 ? string.Join(", ", names.Take(6)) + ", et al" : string.Join(", ", names);
        var where = a.Issue is { } i ? $";{i.Volume}({i.Number}){(i.Pages is { } p ? $":{p.Replace('–', '-')}" : "")}"
            : a.ArticleNumber is { } number ? $":{number}" : "";
        return $"{authors}. {a.Metadata.Title}. {journal.Title}. {Year(a)}{where}.{(a.Doi is { } doi ? $" doi:{doi}" : "")}";
    }

    public static string Harvard(PublishedArticle a, Journal journal)
    {
        var names = a.Metadata.Authors.Select(x => NameParts(x.Name)).Select(n => $"{n.Family}, {Initials(n.Given, ".")}{(n.Given.Length > 0 ? "." : "")}").ToList();
        var authors = names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => string.Join(", ", names.SkipLast(1)) + " and " + names[^1]
        };
        return $"{authors} ({Year(a)}) '{a.Metadata.Title}', {journal.Title}{Volume(a, "pp. ")}.{(a.Doi is { } doi ? $" doi:{doi}." : "")}";
    }

    // BibTeX treats braces, backslashes and a few more as markup: they are escaped, so a title is what it says.
    private static string Braced(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
            escaped.Append(c switch
            {
                '{' or '}' or '%' or '&' or '$' or '#' or '_' => $"\\{c}",
                '\\' => "\\textbackslash{}",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ when char.IsControl(c) => " ",
                _ => c.ToString()
            });
        return "{" + escaped + "}";
    }

    public static string BibTeX(PublishedArticle a, Journal journal)
    {
        var key = $"{NameParts(a.Metadata.Authors.FirstOrDefault()?.Name ?? "article").Family.Where(char.IsAsciiLetterOrDigit).Aggregate("", (s, c) => s + c)}{Year(a)}";
        var fields = new List<(string, string)>
        {
            ("author", string.Join(" and ", a.Metadata.Authors.Select(x => NameParts(x.Name)).Select(n => n.Given.Length == 0 ? n.Family : $"{n.Family}, {n.Given}"))),
            ("title", a.Metadata.Title),
            ("journal", journal.Title),
            ("year", Year(a).ToString()),
        };
        if (a.Issue is { } i) fields.AddRange([("volume", i.Volume.ToString()), ("number", i.Number.ToString())]);
        if (a.Locator is { } pages) fields.Add(("pages", pages.Replace("–", "--")));
        if (journal.Issn is { Length: > 0 } issn) fields.Add(("issn", issn));
        if (a.Doi is { } doi) fields.Add(("doi", doi));
        if (a.Metadata.Keywords.Count > 0) fields.Add(("keywords", string.Join(", ", a.Metadata.Keywords)));
        fields.Add(("abstract", a.Metadata.Abstract));
        return $"@article{{{(key.Length > 4 ? key : "article" + key)},\n{string.Join(",\n", fields.Select(f => $"  {f.Item1} = {Braced(f.Item2)}"))}\n}}\n";
    }

    // RIS is one tag per line: a line break inside a value would start a tag of its own.
    private static string Line(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    public static string Ris(PublishedArticle a, Journal journal)
    {
        var lines = new List<string> { "TY  - JOUR" };
        lines.AddRange(a.Metadata.Authors.Select(x => NameParts(x.Name)).Select(n => $"AU  - {Line(n.Given.Length == 0 ? n.Family : $"{n.Family}, {n.Given}")}"));
        lines.Add($"TI  - {Line(a.Metadata.Title)}");
        lines.Add($"JO  - {Line(journal.Title)}");
        lines.Add($"PY  - {Year(a)}");
        if (a.PublishedAt is { } published) lines.Add($"DA  - {published:yyyy/MM/dd}");
        if (a.Issue is { } i) lines.AddRange([$"VL  - {i.Volume}", $"IS  - {i.Number}"]);
        if (a.Locator is { } pages && Issues.IssuePages.Split(pages) is var (first, last))
            lines.AddRange([$"SP  - {first}", .. last is null ? Array.Empty<string>() : [$"EP  - {last}"]]);
        if (journal.Issn is { Length: > 0 } issn) lines.Add($"SN  - {issn}");
        if (a.Doi is { } doi) lines.AddRange([$"DO  - {doi}", $"UR  - {Dois.Link(doi)}"]);
        lines.AddRange(a.Metadata.Keywords.Select(k => $"KW  - {Line(k)}"));
        lines.Add($"AB  - {Line(a.Metadata.Abstract)}");
        lines.Add("ER  - ");
        return string.Join("\r\n", lines) + "\r\n";
    }
}
