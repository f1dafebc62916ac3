using System.Diagnostics;
using Microsoft.Playwright;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>
/// B8: people holding the editorial queues open in real browsers (headless Chromium), each page a Blazor Server
/// circuit on a portal started from its release build against the bench database: the portal's memory per circuit,
/// and the round trip of a click (sort the queue by title) to the page showing the new order.
/// </summary>
public sealed class Circuits(int circuits, string repository) : Benchmark
{
    public override string Id => "B8";
    public override string What => "Blazor Server circuits on the editorial queues";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        var reader = await Reader.Busiest(database.Store);
        await using var portal = await RunningPortal.Start(repository, database);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--renderer-process-limit=8", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"]
        });
        var context = await browser.NewContextAsync(new() { BaseURL = portal.Address, ViewportSize = new() { Width = 1280, Height = 800 } });
        await SignIn(context, reader.EditorInChief.Email);
        var queues = $"/journals/{reader.Journal}/queues";

        var first = await Open(context, queues);

        await Task.Delay(2000);
        var residentBefore = portal.ResidentBytes();
        var liveBefore = await portal.LiveManagedBytes();
        var pages = new List<IPage> { first };
        for (var i = 1; i < circuits; i++) pages.Add(await Open(context, queues));
        await Task.Delay(3000);
        var perCircuit = (await portal.LiveManagedBytes() - liveBefore) / (double)(circuits - 1);
        var residentPerCircuit = (portal.ResidentBytes() - residentBefore) / (double)(circuits - 1);

        var roundTrips = new Latencies();
        for (var round = 0; round < 3; round++)
            foreach (var page in pages)
                roundTrips.Add(await SortByTitle(page));
        var size = $"{circuits} circuits, {reader.Submissions:N0} submissions in the journal";
        return
        [
            new Result(Id, "portal memory per circuit (live managed objects after a full collection)", null, $"{perCircuit / 1024:N0} KB per circuit", size, "≤ 300 KB", perCircuit <= 300 * 1024,
                circuits < 1000 ? $"{circuits} of the 1,000 circuits the target names: one 2-core machine runs the browsers too" : ""),
            new Result(Id, "portal memory per circuit (resident memory grown)", null, $"{residentPerCircuit / 1024:N0} KB per circuit", size, "–", null),
            new Result(Id, "a click's round trip (sort the queue)", roundTrips, $"{roundTrips.Count:N0} clicks", size, "p95 ≤ 100 ms", roundTrips.P95 <= 100)
        ];
    }

    private static async Task SignIn(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("[data-testid=signin-email]", email);
        await page.FillAsync("[data-testid=signin-password]", Demo.DemoJournal.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin"), new() { Timeout = 60_000 });
        await page.CloseAsync();
    }

    private static async Task<IPage> Open(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=editorial-queue-row]", new() { Timeout = 120_000 });
        return page;
    }

    // From the click to the first row of the other order on the screen, timed inside the page: the whole trip
    // through the circuit (event to the server, the query, the render, the diff back, the DOM), not the driver's own work.
    private static async Task<TimeSpan> SortByTitle(IPage page)
    {
        var milliseconds = await page.EvaluateAsync<double>("""
            () => new Promise((done, failed) => {
                const row = () => document.querySelector('[data-testid=editorial-queue-row]')?.dataset.submission;
                const before = row();
                const label = [...document.querySelectorAll('.mud-table-sort-label')].find(l => l.textContent.trim().startsWith('Title'));
                const started = performance.now();
                const watch = new MutationObserver(() => {
                    if (row() !== before) { watch.disconnect(); done(performance.now() - started); }
                });
                watch.observe(document.body, { subtree: true, childList: true, attributes: true });
                setTimeout(() => { watch.disconnect(); failed(new Error('The queue did not change order within 30 s.')); }, 30000);
                label.click();
            })
            """);
        return TimeSpan.FromMilliseconds(milliseconds);
    }
}

/// <summary>The portal from its release build, as a process of its own, on the bench database.</summary>
public sealed class RunningPortal : IAsyncDisposable
{
    private readonly Process _process;

    private readonly string _repository;

    private RunningPortal(Process process, string address, string repository)
    {
        _process = process;
        _repository = repository;
        Address = address;
    }

    public string Address { get; }

    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>
    /// The bytes of the portal's live objects: dotnet-gcdump (a tool of this repository's manifest) makes the portal
    /// collect its garbage in full and reports what is left, so headroom the collector keeps does not count.
    /// </summary>
    public async Task<long> LiveManagedBytes()
    {
        var report = new ProcessStartInfo("dotnet") { WorkingDirectory = _repository, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "tool", "run", "dotnet-gcdump", "report", "-p", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }) report.ArgumentList.Add(arg);
        using var tool = Process.Start(report) ?? throw new InvalidOperationException("dotnet-gcdump did not start.");
        var output = await tool.StandardOutput.ReadToEndAsync();
        await tool.WaitForExitAsync();
        var total = System.Text.RegularExpressions.Regex.Match(output, @"([\d,]+)\s+GC Heap bytes");
        return total.Success ? long.Parse(total.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"dotnet-gcdump gave no heap size: {output} {await tool.StandardError.ReadToEndAsync()}");
    }

    /// <param name="settings">Configuration of this run only, as environment variables.</param>
    public static async Task<RunningPortal> Start(string repository, BenchDatabase database, params (string Name, string Value)[] settings)
    {
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}";
        var content = Path.Combine(repository, "EditorialPortal");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = content, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(content, "bin", "Release", "net10.0", "EditorialPortal.dll"), "--urls", address }) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Marten"] = database.ConnectionString;
        start.Environment["Portal__SeedDemo"] = "false";
        start.Environment["Portal__PublicUrl"] = address;
        start.Environment["Portal__DataFolder"] = Path.Combine(database.Folder, "portal");
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Portal__BackgroundServices"] = "false";
        foreach (var (name, value) in settings) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync(address + "/health")).IsSuccessStatusCode) return new RunningPortal(process, address, repository);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The portal did not answer /health within a minute.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
