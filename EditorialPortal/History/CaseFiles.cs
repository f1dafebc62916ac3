using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Files;
using Marten;
using Npgsql;

namespace EditorialPortal.History;

/// <summary>
/// The case file of one submission for an integrity investigation: everything needed to check, away from the portal,
/// that the facts are those recorded and the files those submitted. Only those who keep the journal's record export it.
/// </summary>
public sealed class CaseFiles(IDocumentStore store, IManuscriptFileStore files, TimeProvider clock)
{
    public const string FactsEntry = "facts.ndjson";
    public const string ProductionFactsEntry = "production.ndjson";
    public const string ChecksumsEntry = "files.sha256";
    public const string ManifestEntry = "manifest.json";
    public const string InstructionsEntry = "VERIFY.md";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<bool> MayExport(Guid submission, Actor actor)
    {
        await using var session = store.QuerySession();
        var state = await session.LoadAsync<Submission>(submission);
        // Everything in a case file is whole, so an author, whatever their role, never exports their own manuscript's.
        return state is not null && state.KeepsRecordOf(actor, await session.LoadAsync<Journal>(state.Journal)) && !state.IsAuthor(actor);
    }

    public async Task Write(Guid submission, Actor actor, Stream output, CancellationToken token)
    {
        await using var session = store.QuerySession();
        var state = await session.LoadAsync<Submission>(submission) ?? throw new InvalidOperationException($"No submission {submission}.");
        var names = FactTypes.ByAlias(store);

        // Written to a buffer first: the response stream cannot seek, and a zip entry's size comes after its content.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var (count, check) = await WriteStream(zip, FactsEntry, submission, names, token);
            // The article's production, a stream of its own, travels with the manuscript it came from.
            var production = await session.LoadAsync<ArticleProduction>(ArticleProduction.StreamOf(submission));
            var (productionCount, productionCheck) = production is null ? (0L, new ChainCheck()) : await WriteStream(zip, ProductionFactsEntry, production.Id, names, token);

            var manuscripts = state.Versions.Select(v => v.Manuscript).Append(state.Manuscript).OfType<ManuscriptFile>()
                .DistinctBy(m => m.Sha256).ToList();
            var sums = new StringBuilder();
            var listed = new List<object>();
            foreach (var manuscript in manuscripts)
            {
                var path = $"files/v{manuscript.ForVersion}-{ZipNames.Safe(manuscript.FileName, "manuscript")}";
                await using var content = files.Open(manuscript.Sha256);
                if (content is null)
                {
                    listed.Add(new { path = (string?)null, manuscript.FileName, manuscript.ForVersion, recordedSha256 = manuscript.Sha256, missing = true });
                    continue;
                }
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                await using (var target = await entry.OpenAsync(token))
                {
                    var chunk = new byte[81920];
                    int read;
                    while ((read = await content.ReadAsync(chunk, token)) > 0)
                    {
                        hash.AppendData(chunk, 0, read);
                        await target.WriteAsync(chunk.AsMemory(0, read), token);
                    }
                }
                var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                sums.Append($"{sha256}  {path}\n");
                listed.Add(new { path, manuscript.FileName, manuscript.ForVersion, recordedSha256 = manuscript.Sha256, sha256, missing = false });
            }
            await Text(zip, ChecksumsEntry, sums.ToString(), token);

            var manifest = new
            {
                submission, journal = state.Journal, title = state.Title, exportedAt = clock.GetUtcNow(), exportedBy = new { account = actor.Account, name = actor.Name },
                facts = count,
                chainHead = new { version = count, hash = check.Head },
                chainIntact = check.Breaks.Count == 0,
                breaks = check.Breaks,
                production = production is null ? null : new
                {
                    stream = production.Id, facts = productionCount, chainHead = new { version = productionCount, hash = productionCheck.Head },
                    chainIntact = productionCheck.Breaks.Count == 0, breaks = productionCheck.Breaks
                },
                files = listed,
                algorithm = "SHA-256 over UTF-8 of: previous-hash \\n type \\n version \\n data.At \\n data.By \\n canonical(data); first previous-hash is 64 zeros. See VERIFY.md."
            };
            await Text(zip, ManifestEntry, JsonSerializer.Serialize(manifest, Indented), token);
            await Text(zip, InstructionsEntry, Instructions(submission, count, check.Head), token);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, token);
    }

    /// <summary>Writes one stream's facts exactly as recorded, one JSON object a line, checking its chain on the way.</summary>
    private async Task<(long Count, ChainCheck Check)> WriteStream(ZipArchive zip, string entry, Guid stream, IReadOnlyDictionary<string, string> names, CancellationToken token)
    {
        var check = new ChainCheck();
        long count = 0;
        await using var writer = new StreamWriter(await zip.CreateEntry(entry, CompressionLevel.Optimal).OpenAsync(token), new UTF8Encoding(false));
        await using var connection = store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync(token);
        await using var query = new NpgsqlCommand(
            $"""
             select seq_id, version, type, data::text, correlation_id, causation_id, headers::text
             from {store.Options.Events.DatabaseSchemaName}.mt_events where stream_id = @stream order by version
             """, connection);
        query.Parameters.AddWithValue("stream", stream);
        await using var reader = await query.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            var type = names.GetValueOrDefault(reader.GetString(2), reader.GetString(2));
            using var headers = JsonDocument.Parse(reader.IsDBNull(6) ? "{}" : reader.GetString(6));
            var link = headers.RootElement.TryGetProperty(FactChain.Header, out var chain) ? chain.GetString() : null;
            check.Next(stream, reader.GetInt64(1), type, reader.GetString(3), link);
            count++;
            var line = new Dictionary<string, object?>
            {
                ["stream"] = stream, ["type"] = type, ["version"] = reader.GetInt64(1), ["sequence"] = reader.GetInt64(0),
                ["correlationId"] = reader.IsDBNull(4) ? null : reader.GetString(4), ["causationId"] = reader.IsDBNull(5) ? null : reader.GetString(5),
                ["headers"] = headers.RootElement, ["chain"] = link, ["data"] = JsonDocument.Parse(reader.GetString(3)).RootElement
            };
            await writer.WriteAsync(JsonSerializer.Serialize(line));
            await writer.WriteAsync('\n');
        }
        return (count, check);
    }

    private static async Task Text(ZipArchive zip, string name, string content, CancellationToken token)
    {
        await using var writer = new StreamWriter(await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(token), new UTF8Encoding(false));
        await writer.WriteAsync(content.AsMemory(), token);
    }


    private static string Instructions(Guid submission, long facts, string head) => $$"""
        # Case file of submission {{submission}}

        - `facts.ndjson`: the submission's {{facts}} facts exactly as recorded, one JSON object a line, oldest first.
        - `production.ndjson`, once the manuscript is accepted: its production's facts, a chain of their own (see `manifest.json`).
        - `files/`: every manuscript file the submission recorded; `files.sha256` lists their SHA-256 (`sha256sum -c files.sha256`).
        - `manifest.json`: what was exported, by whom and when, and the chain head: version {{facts}}, hash `{{head}}`.

        ## Checking the facts without the portal

        Each fact's `chain` is SHA-256 (lower-case hex) over the UTF-8 bytes of six lines joined by `\n`:

        1. the previous fact's chain (64 zeros for version 1);
        2. `type`;
        3. `version`, in decimal;
        4. `data.At`, the string exactly as stored;
        5. `data.By`, the string exactly as stored;
        6. `data` in canonical JSON: object keys sorted by code unit, no whitespace, whole numbers without a fraction,
           strings in ASCII with every character outside space..tilde escaped (`\n \r \t \b \f \" \\`, otherwise `\u` and four lower-case hex digits).

        In Python: `json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)` gives the canonical form
        for data without fractional numbers (the portal's facts have none). Recompute version 1 to the last: every chain
        must match, and the last must equal the chain head above, which the portal's own record also holds.
        """;
}
