using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using EditorialPortal.Domain.Journals;
using EditorialPortal.History;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.History;

/// <summary>A case file can be checked by a third party with nothing but the zip: facts, chain, files and their digests.</summary>
public sealed class CaseFileTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_integrity_analyst_exports_a_case_file_whose_chain_and_files_verify_offline()
    {
        var journal = await fixture.Backstage.NewJournal();
        var author = await fixture.Backstage.NewAccount("Carla Casefile");
        var analyst = await fixture.Backstage.NewAccount("Ivo Investigator");
        await fixture.Backstage.Grant(journal, analyst, JournalRole.IntegrityAnalyst);
        var submission = await fixture.SubmittedManuscript(journal, author, "Figures that were too good");

        var response = await (await fixture.ApiClient(analyst)).GetAsync($"/api/history/submissions/{submission}/case-file", Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token)));

        var check = new ChainCheck();
        var lines = (await new StreamReader(zip.GetEntry(CaseFiles.FactsEntry)!.Open()).ReadToEndAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            using var fact = JsonDocument.Parse(line);
            var root = fact.RootElement;
            check.Next(submission, root.GetProperty("version").GetInt64(), root.GetProperty("type").GetString()!, root.GetProperty("data").GetRawText(), root.GetProperty("chain").GetString());
        }
        using var manifest = JsonDocument.Parse(zip.GetEntry(CaseFiles.ManifestEntry)!.Open());
        Assert.Empty(check.Breaks);
        Assert.True(lines.Length >= 5);
        Assert.Equal(check.Head, manifest.RootElement.GetProperty("chainHead").GetProperty("hash").GetString());

        var sums = (await new StreamReader(zip.GetEntry(CaseFiles.ChecksumsEntry)!.Open()).ReadToEndAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (digest, path) = (sums.Single()[..64], sums.Single()[66..]);
        Assert.Equal(digest, Convert.ToHexStringLower(await SHA256.HashDataAsync(zip.GetEntry(path)!.Open(), Token)));
        Assert.StartsWith("files/v1-", path);
    }

    [Fact]
    public async Task Nobody_but_those_who_keep_the_journals_record_may_export_it()
    {
        var journal = await fixture.Backstage.NewJournal();
        var author = await fixture.Backstage.NewAccount("Nadia Noexport");
        var editor = await fixture.Backstage.NewAccount("Emil Editor");
        await fixture.Backstage.Grant(journal, editor, JournalRole.EditorInChief);
        var submission = await fixture.SubmittedManuscript(journal, author, "Not for export");

        foreach (var person in new[] { author, editor })
            Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.ApiClient(person)).GetAsync($"/api/history/submissions/{submission}/case-file", Token)).StatusCode);
    }
}
