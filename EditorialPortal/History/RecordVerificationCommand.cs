using EditorialPortal.Hosting;
using Marten;

namespace EditorialPortal.History;

/// <summary>The portal's command-line verification of the record, for operators and scheduled checks.</summary>
public static class RecordVerificationCommand
{
    public const string Switch = "--verify-record";

    public static async Task<int> Run(IServiceProvider services, TextWriter output)
    {
        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var report = await services.GetRequiredService<IHistoricalRecord>().VerifyAll();
        await output.WriteLineAsync($"Verified {report.Facts} facts in {report.Streams} streams in {report.Took.TotalSeconds:0.000} s.");
        foreach (var broken in report.Breaks)
            await output.WriteLineAsync($"BROKEN stream {broken.Stream} at version {broken.Version}{(broken.Fact.Length > 0 ? $" ({broken.Fact})" : "")}: {broken.Problem}");
        await output.WriteLineAsync(report.Intact ? "The record is intact." : $"{report.Breaks.Count} streams are broken.");
        return report.Intact ? 0 : PortalExitCodes.RecordBroken;
    }
}
