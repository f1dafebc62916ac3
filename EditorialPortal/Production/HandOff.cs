using System.IO.Compression;
using System.Text;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Files;
using EditorialPortal.Production.Jats;

namespace EditorialPortal.Production;

/// <summary>
/// The hand-off package for a typesetter outside the portal: the source files of the round under way (or the latest
/// text, before one is assigned), the JATS 1.3 front matter written from the record, and a note of what is what.
/// </summary>
public static class HandOff
{
    public const string FrontMatterEntry = "front-matter.xml";
    public const string NoteEntry = "README.txt";

    public static async Task Write(ArticleProduction p, Journal journal, IManuscriptFileStore files, Stream output, CancellationToken token)
    {
        var sources = p.CurrentRound is { Done: false } round ? round.Sources : ProductionRules.LatestText(p);
        // Written to a buffer first: the response stream cannot seek, and a zip entry's size comes after its content.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var source in sources)
            {
                await using var content = files.Open(source.Sha256);
                if (content is null) continue;
                var name = Unique(names, ZipNames.Safe(source.FileName, "source"));
                await using var entry = await zip.CreateEntry($"sources/{name}", CompressionLevel.Optimal).OpenAsync(token);
                await content.CopyToAsync(entry, token);
            }
            var jats = JatsArticle.FrontMatter(p, journal);
            await using (var writer = new StreamWriter(await zip.CreateEntry(FrontMatterEntry, CompressionLevel.Optimal).OpenAsync(token), new UTF8Encoding(false)))
                await writer.WriteAsync($"{jats.Declaration}\n{jats}".AsMemory(), token);
            await using (var note = new StreamWriter(await zip.CreateEntry(NoteEntry, CompressionLevel.Optimal).OpenAsync(token), new UTF8Encoding(false)))
                await note.WriteAsync($"""
                    {p.Title}
                    {journal.Title}

                    sources/           the files to typeset from ({sources.Count}), as the production records them
                    {FrontMatterEntry}   the article's JATS 1.3 front matter, written from the record; keep it, add the body

                    Upload the galleys (PDF, HTML, JATS XML) to the round in the portal. A JATS galley must validate against
                    the JATS 1.3 Journal Publishing schema.
                    """.AsMemory(), token);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, token);
    }


    private static string Unique(HashSet<string> taken, string name)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++) candidate = $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}";
        return candidate;
    }
}
