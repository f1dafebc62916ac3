using Npgsql;

namespace EditorialPortal.Integrity.Hosting;

/// <summary>
/// This application's own database, named by <c>ConnectionStrings:Integrity</c>: on the portal's local cluster in
/// development, wherever its operators put it in production. It is created if the server does not have it yet.
/// </summary>
public static class IntegrityDatabase
{
    public const string ConnectionName = "Integrity";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } configured ? configured
            : throw new InvalidOperationException($"Say where this application's database is: ConnectionStrings__{ConnectionName}='Host=...;Database=integrity;Username=...'.");

    public static async Task CreateIfMissing(string connectionString)
    {
        var wanted = new NpgsqlConnectionStringBuilder(connectionString);
        var database = wanted.Database ?? throw new InvalidOperationException("The integrity database's connection string names no database.");
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await server.OpenAsync();
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", server);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is not null) return;
        await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", server);
        try
        {
            await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it first.
        }
    }
}
