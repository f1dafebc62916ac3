using System.Globalization;

namespace EditorialPortal.Components.Pages.Production;

/// <summary>A date and time as a <c>datetime-local</c> field gives it, read as UTC, the time the pages label such fields in.</summary>
public static class TypedTime
{
    public static DateTimeOffset? Utc(string? typed) =>
        DateTime.TryParse(typed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
}
