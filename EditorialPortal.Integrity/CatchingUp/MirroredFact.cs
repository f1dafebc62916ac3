using System.Text.Json.Nodes;
using EditorialPortal.Contracts.History;

namespace EditorialPortal.Integrity.CatchingUp;

/// <summary>
/// A fact of the portal's record as this application read it, kept in its own database under the portal's global
/// sequence: the detectors and the backtests read these, never the portal's database.
/// </summary>
public sealed record MirroredFact(long Id, Guid Stream, string Type, long Version, DateTimeOffset At, Guid? Actor, string ActorName, string ActorRole,
    string Data, IReadOnlyDictionary<string, string> Links)
{
    public long Sequence => Id;

    public static MirroredFact Of(HistoryFact fact) => new(fact.Sequence, fact.Stream, fact.Type, fact.Version, fact.At, fact.Actor.Account, fact.Actor.Name,
        fact.Actor.Role, fact.Data?.ToJsonString() ?? "{}", fact.Links.ToDictionary(l => l.Key, l => l.Value.Href));

    public JsonObject Fields() => JsonNode.Parse(Data) as JsonObject ?? [];

    /// <summary>Where the fact stands, for a signal to rest on.</summary>
    public FactReference Reference => new(Sequence, Stream, Version, Type, At, Links.GetValueOrDefault("asItWas"));
}

/// <summary>One fact a signal rests on, and the portal page that shows the manuscript as it stood just after it.</summary>
public sealed record FactReference(long Sequence, Guid Stream, long Version, string Type, DateTimeOffset At, string? Page);

/// <summary>How far this application has read the portal's record: the last global sequence it has kept.</summary>
public sealed record Checkpoint(string Id, long Sequence, DateTimeOffset ReadAt)
{
    public const string OfPortal = "portal";
}
