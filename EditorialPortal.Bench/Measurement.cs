using System.Collections.Concurrent;
using System.Diagnostics;

namespace EditorialPortal.Bench;

/// <summary>Durations collected from any number of threads, read as percentiles in milliseconds.</summary>
public sealed class Latencies
{
    private readonly ConcurrentQueue<double> _milliseconds = new();

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Enqueue(elapsed.TotalMilliseconds);

    public void Clear() => _milliseconds.Clear();

    public void AddAll(Latencies other)
    {
        foreach (var milliseconds in other._milliseconds) _milliseconds.Enqueue(milliseconds);
    }

    public async Task<T> Time<T>(Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await work();
        Add(Stopwatch.GetElapsedTime(started));
        return result;
    }

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public double Median => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);
}

/// <summary>One line of the table: a measurement, the data it was taken on, and the target it is held against.</summary>
/// <param name="Rate">A throughput, in words with its unit, where the benchmark measures one.</param>
/// <param name="Met">Whether the target was reached; null where the benchmark has none.</param>
public sealed record Result(string Id, string What, Latencies? Latency, string Rate, string DataSize, string Target, bool? Met, string Note = "")
{
    public static string Ms(double value) => double.IsNaN(value) ? "–" : value < 10 ? value.ToString("0.00") : value.ToString("0.0");
}

public static class ResultTable
{
    public static string Markdown(IEnumerable<Result> results)
    {
        var lines = new List<string>
        {
            "| | Benchmark | median ms | p95 ms | p99 ms | rate | data | target | met |",
            "|---|---|---:|---:|---:|---|---|---|---|"
        };
        foreach (var r in results)
            lines.Add($"| {r.Id} | {r.What}{(r.Note.Length > 0 ? $" ({r.Note})" : "")} | {Result.Ms(r.Latency?.Median ?? double.NaN)} | {Result.Ms(r.Latency?.P95 ?? double.NaN)} | " +
                      $"{Result.Ms(r.Latency?.P99 ?? double.NaN)} | {r.Rate} | {r.DataSize} | {r.Target} | {r.Met switch { true => "yes", false => "**no**", null => "–" }} |");
        return string.Join('\n', lines);
    }
}
