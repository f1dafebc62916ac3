namespace EditorialPortal.Bench;

/// <param name="Repository">The clone's root, where the portal's release build is.</param>
public sealed record BenchOptions(int Size, int Seed, int Journals, string Folder, string Repository, TimeSpan Duration, int Circuits, IReadOnlySet<string> Only, bool GenerateOnly, double? SoakMinutes)
{
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? After(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int otherwise) => int.TryParse(After(name), out var n) && n > 0 ? n : otherwise;
        return new BenchOptions(
            Number("--size", 100_000), Number("--seed", 1), Number("--journals", 1),
            Path.GetFullPath(After("--folder") ?? ".bench"),
            Path.GetFullPath(After("--repository") ?? "."),
            TimeSpan.FromSeconds(Number("--duration", 60)),
            Number("--circuits", 50),
            (After("--only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase),
            args.Contains("--generate-only"),
            args.Contains("--soak") ? double.TryParse(After("--soak"), out var m) && m > 0 ? m : 30 : null);
    }
}

public static class Machine
{
    public static string Memory()
    {
        var total = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:")) : null;
        return total is null ? "unknown memory" : $"{long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024 / 1024.0:0} GiB";
    }

    public static string Os() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;
}
