namespace EditorialPortal.Domain.Common;

/// <summary>
/// The entries of one kind of stream's use cases, by the command or fact type each is for. Each use case adds its own
/// entries; the central code only looks them up, so a new use case edits no table but its own.
/// </summary>
public sealed class UseCaseTable<TEntry>(string what)
{
    private readonly Dictionary<Type, TEntry> entries = [];

    public IReadOnlyCollection<Type> Types => entries.Keys;

    public void Add(Type type, TEntry entry)
    {
        if (!entries.TryAdd(type, entry)) throw new InvalidOperationException($"{type.Name} has two {what} entries.");
    }

    public bool Has(Type type) => entries.ContainsKey(type);

    public TEntry For(Type type) =>
        entries.TryGetValue(type, out var entry) ? entry : throw new InvalidOperationException($"{type.Name} has no {what} entry: its use case adds one.");

    public TEntry? Find(Type type) => entries.GetValueOrDefault(type);
}
