using System.Reflection;

namespace EditorialPortal.Tests.Support;

/// <summary>
/// An instance of any fact or value type, every field filled: one id for every id, one moment for every time, so that a
/// sample fact names the same submission, assignment and person as the sample state it is applied to.
/// </summary>
public static class Samples
{
    public static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000005a3d1e");
    public static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public const string Text = "Sample text";

    public static T Of<T>(DateTimeOffset? at = null) => (T)Of(typeof(T), at);

    /// <param name="text">What every text field says: another text than the state's shows a change where the fact makes one.</param>
    public static object Of(Type type, DateTimeOffset? at = null, string text = Text)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p.ParameterType, at ?? At, text))]);
    }

    private static object? Value(Type type, DateTimeOffset at, string text)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        if (bare == typeof(Guid)) return Id;
        if (bare == typeof(string)) return text;
        if (bare == typeof(int)) return 1;
        if (bare == typeof(long)) return 1L;
        if (bare == typeof(bool)) return true;
        if (bare == typeof(DateTimeOffset)) return at;
        if (bare == typeof(TimeSpan)) return TimeSpan.FromDays(1);
        if (bare.IsEnum) return Enum.GetValues(bare).GetValue(0);
        if (bare.IsGenericType && bare.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyList<>) || generic == typeof(IEnumerable<>) || generic == typeof(IReadOnlyCollection<>)))
            return Array.CreateInstance(bare.GetGenericArguments()[0], 0);
        return Of(bare, at, text);
    }
}
