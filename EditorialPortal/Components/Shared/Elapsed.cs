namespace EditorialPortal.Components.Shared;

/// <summary>How long something has waited, as the queues show it: days, else hours, else minutes.</summary>
public static class Elapsed
{
    public static string Since(DateTimeOffset since, DateTimeOffset now)
    {
        var waited = now - since;
        return waited.TotalDays >= 1 ? $"{(int)waited.TotalDays} d" : waited.TotalHours >= 1 ? $"{(int)waited.TotalHours} h" : $"{Math.Max(0, (int)waited.TotalMinutes)} min";
    }
}
