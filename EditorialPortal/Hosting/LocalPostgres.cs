using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace EditorialPortal.Hosting;

/// <summary>Raised when no PostgreSQL server binaries can be found on this machine.</summary>
public sealed class PostgresNotInstalledException(string message) : Exception(message);

/// <summary>
/// A private PostgreSQL cluster run from the server binaries on this machine: the portal's own database when no
/// connection string is configured, and the tests' throwaway databases. As root it runs the server as the
/// <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string _bin;
    private readonly string _dataDirectory;
    private readonly bool _asServiceUser;
    private readonly ILogger? _logger;

    private LocalPostgres(string bin, string dataDirectory, int port, bool asServiceUser, ILogger? logger)
    {
        _bin = bin;
        _dataDirectory = dataDirectory;
        Port = port;
        _asServiceUser = asServiceUser;
        _logger = logger;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=100";

    /// <summary>
    /// Starts a cluster in <paramref name="dataDirectory"/>, creating it first if it does not exist.
    /// <paramref name="durable"/> false turns fsync off, for throwaway test clusters only; <paramref name="settings"/>
    /// are more server settings (<c>-c name=value</c>).
    /// </summary>
    public static async Task<LocalPostgres> Start(string dataDirectory, int? port = null, bool durable = true, ILogger? logger = null, string settings = "")
    {
        var bin = FindServerBinaries();
        var asServiceUser = Environment.UserName == "root";
        var cluster = new LocalPostgres(bin, Path.GetFullPath(dataDirectory), port ?? FreePort(), asServiceUser, logger) { _settings = settings };
        await cluster.InitialiseIfNew();
        await cluster.StartServer(durable);
        return cluster;
    }

    private string _settings = "";
    private bool _durable = true;

    /// <summary>Kills the server the way a power cut or an out-of-memory kill would: no checkpoint, no goodbye to clients.</summary>
    public async Task Crash() => await RunOrThrow("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop");

    /// <summary>Starts the server again on the same port, after <see cref="Crash"/> or <see cref="Stop"/>; it recovers from its WAL.</summary>
    public Task Restart() => StartServer(_durable);

    public async Task CreateDatabaseIfMissing(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "")}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        // The record's title search needs trigrams; the extension must exist before the schema asks for its index.
        await using var inDatabase = new NpgsqlConnection(ConnectionString(database));
        await inDatabase.OpenAsync();
        await using var trigrams = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_trgm", inDatabase);
        await trigrams.ExecuteNonQueryAsync();
    }

    /// <summary>Makes <paramref name="copy"/> anew as a copy of <paramref name="original"/>, which nobody may be connected to meanwhile.</summary>
    public async Task CopyDatabase(string original, string copy)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{copy.Replace("\"", "")}\" WITH (FORCE)", $"CREATE DATABASE \"{copy.Replace("\"", "")}\" TEMPLATE \"{original.Replace("\"", "")}\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task DropDatabase(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "")}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task Stop()
    {
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            await Run("pg_ctl", "-D", _dataDirectory, "-m", "fast", "-w", "stop");
    }

    public async ValueTask DisposeAsync() => await Stop();

    /// <summary>Binaries on the PATH first, then the newest Debian-style install under /usr/lib/postgresql.</summary>
    private static string FindServerBinaries()
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => IsProgram(Path.Combine(dir, "initdb")) && IsProgram(Path.Combine(dir, "postgres")));
        if (fromPath is not null) return fromPath;

        const string debianRoot = "/usr/lib/postgresql";
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(x => IsProgram(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault()
            : null;
        return debian ?? throw new PostgresNotInstalledException(
            "No PostgreSQL server binaries found (initdb and postgres, on the PATH or under /usr/lib/postgresql/*/bin). " +
            "Install them (Debian: apt-get install postgresql) or set ConnectionStrings__Marten to an existing server.");
    }

    // A link left behind by an uninstalled package still "exists": follow it to the program.
    private static bool IsProgram(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && (file.ResolveLinkTarget(returnFinalTarget: true) is not { } target || target.Exists);
    }

    private async Task InitialiseIfNew()
    {
        if (File.Exists(Path.Combine(_dataDirectory, "PG_VERSION"))) return;
        Directory.CreateDirectory(_dataDirectory);
        if (_asServiceUser) await HandOverToServiceUser();
        await RunOrThrow("initdb", "-D", _dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
    }

    private async Task StartServer(bool durable)
    {
        _durable = durable;
        // A server left running by a portal that was killed holds the data folder: stop it before starting ours.
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            await Run("pg_ctl", "-D", _dataDirectory, "-m", "fast", "-w", "stop");
        var settings = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_dataDirectory} -c max_connections=200";
        if (!durable) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        if (_settings.Length > 0) settings += " " + _settings;
        await RunOrThrow("pg_ctl", "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-t", "60", "-o", settings, "start");
        _logger?.LogInformation("PostgreSQL {Bin} serving {DataDirectory} on port {Port}", _bin, _dataDirectory, Port);
    }

    // The service user must own the data folder and be able to walk down to it from the root.
    private async Task HandOverToServiceUser()
    {
        await RunOrThrowAsRoot("chown", "-R", $"{ServiceUser}:", _dataDirectory);
        await RunOrThrowAsRoot("chmod", "700", _dataDirectory);
        if (OperatingSystem.IsWindows()) return;
        for (var dir = Path.GetDirectoryName(_dataDirectory); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
                _logger?.LogWarning("Let the postgres user pass through {Directory} (added o+x) to reach the data folder", dir);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunOrThrow(string tool, params string[] args)
    {
        var result = await Run(tool, args);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed with exit code {result.ExitCode}: {result.Output}");
    }

    private static async Task RunOrThrowAsRoot(string tool, params string[] args)
    {
        var result = await Execute(tool, args);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed with exit code {result.ExitCode}: {result.Output}");
    }

    private Task<(int ExitCode, string Output)> Run(string tool, params string[] args)
    {
        var executable = Path.Combine(_bin, tool);
        return _asServiceUser
            ? Execute("runuser", ["-u", ServiceUser, "--", executable, .. args])
            : Execute(executable, args);
    }

    private static async Task<(int ExitCode, string Output)> Execute(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/"
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
