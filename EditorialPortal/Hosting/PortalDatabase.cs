namespace EditorialPortal.Hosting;

/// <summary>
/// The portal's database: the configured <c>ConnectionStrings:Marten</c>, or else a private cluster under the
/// data folder, started now and stopped when the portal disposes of it.
/// </summary>
public sealed record PortalDatabase(string ConnectionString, LocalPostgres? OwnCluster) : IAsyncDisposable
{
    public const string ConnectionName = "Marten";

    public static async Task<PortalDatabase> Prepare(WebApplicationBuilder builder, ILogger logger)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured)) return new PortalDatabase(configured, null);

        var dataFolder = PortalFolders.Data(builder.Configuration, builder.Environment);
        var port = builder.Configuration.GetValue<int?>("Portal:PostgresPort");
        var cluster = await LocalPostgres.Start(Path.Combine(dataFolder, "postgres"), port ?? 5433, durable: true, logger);
        await cluster.CreateDatabaseIfMissing("editorialportal");
        return new PortalDatabase(cluster.ConnectionString("editorialportal"), cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (OwnCluster is not null) await OwnCluster.Stop();
    }
}

public static class PortalFolders
{
    /// <summary>Where the portal keeps its database, files and mail: <c>Portal:DataFolder</c>, relative to the content root.</summary>
    public static string Data(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Portal:DataFolder"] ?? ".data"));
}
