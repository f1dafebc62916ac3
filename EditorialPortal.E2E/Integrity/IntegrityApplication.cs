using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EditorialPortal.E2E.Integrity;

/// <summary>
/// A TCP relay between the integrity application and the portal: while it is cut off, it refuses new connections and
/// drops the open ones, as a portal that went down does.
/// </summary>
public sealed class PortalRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _portal;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _off;

    public PortalRelay(int portalPort)
    {
        _portal = portalPort;
        _listener.Start();
        _accepting = Accept();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    public void CutOff(bool off)
    {
        _off = off;
        if (!off) return;
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_off)
            {
                incoming.Dispose();
                continue;
            }
            _ = Relay(incoming);
        }
    }

    private async Task Relay(TcpClient incoming)
    {
        using var outgoing = new TcpClient();
        lock (_open) _open.AddRange([incoming, outgoing]);
        try
        {
            await outgoing.ConnectAsync(IPAddress.Loopback, _portal, _stop.Token);
            await Task.WhenAny(incoming.GetStream().CopyToAsync(outgoing.GetStream(), _stop.Token), outgoing.GetStream().CopyToAsync(incoming.GetStream(), _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A connection cut off, or the relay stopping: the application sees the portal go away.
        }
        finally
        {
            lock (_open) _open.RemoveAll(c => c == incoming || c == outgoing);
            incoming.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutOff(true);
        await _accepting;
    }
}

/// <summary>
/// The research-integrity application as it runs in production: its own process, built with the solution, on a port
/// of its own and a database of its own, reading the portal through <see cref="PortalRelay"/> with the analyst's token.
/// </summary>
public sealed class IntegrityApplication : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    public string Url { get; }

    private IntegrityApplication(Process process, string url)
    {
        (_process, Url) = (process, url);
        process.OutputDataReceived += (_, line) => { lock (_output) _output.Add(line.Data ?? ""); };
        process.ErrorDataReceived += (_, line) => { lock (_output) _output.Add(line.Data ?? ""); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async Task<IntegrityApplication> Start(string connectionString, string portalUrl, string token, int port)
    {
        // bin/<configuration>/net10.0 of this test project names the build the solution made of the application too.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (configuration, root) = (output.Parent!.Name, output.Parent.Parent!.Parent!.Parent!.FullName);
        var project = Path.Combine(root, "EditorialPortal.Integrity");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(project, "bin", configuration, "net10.0", "EditorialPortal.Integrity.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Integrity"] = connectionString,
                ["Portal__Url"] = portalUrl,
                ["Portal__Token"] = token,
                ["CatchUp__PollInterval"] = "00:00:00.300",
                ["CatchUp__FirstWait"] = "00:00:00.200",
                ["CatchUp__LongestWait"] = "00:00:00.800",
                ["Serilog__MinimumLevel__Default"] = "Warning"
            }
        };
        var app = new IntegrityApplication(Process.Start(start)!, $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var waited = 0; ; waited += 200)
        {
            if (app._process.HasExited || waited > 60_000)
                throw new InvalidOperationException($"The integrity application did not start:\n{app.Output()}");
            try
            {
                if ((await http.GetAsync($"{app.Url}/health")).IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
    }

    public string Output()
    {
        lock (_output) return string.Join('\n', _output.TakeLast(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
