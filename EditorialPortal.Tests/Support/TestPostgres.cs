using EditorialPortal.Hosting;

namespace EditorialPortal.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: started on a free port in a temporary folder (durability off,
/// for speed) and removed afterwards. Tests never depend on a server someone started by hand.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private readonly LocalPostgres _cluster;
    private readonly string _folder;

    private TestPostgres(LocalPostgres cluster, string folder)
    {
        _cluster = cluster;
        _folder = folder;
    }

    public static async Task<TestPostgres> Start()
    {
        // Under /tmp, which the postgres service user can always reach, whatever folder the clone is in.
        var folder = Path.Combine(Path.GetTempPath(), "editorialportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cluster = await LocalPostgres.Start(Path.Combine(folder, "data"), durable: false);
        return new TestPostgres(cluster, folder);
    }

    /// <summary>A new, empty database on the cluster.</summary>
    public async Task<string> NewDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..30];
        await _cluster.CreateDatabaseIfMissing(name);
        return _cluster.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the system's temp clean-up; the test run has finished with it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
