using EditorialPortal.Integrity.Signals;

namespace EditorialPortal.Integrity.Cases;

/// <summary>An analyst's word about one person for one detector ("this reviewer's webmail is legitimate"), which later signals respect.</summary>
public sealed record OverrideRecorded(Guid Override, Guid Person, string Detector, string Reason, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

public sealed record OverrideWithdrawn(Guid Override, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

public sealed record PersonOverride(Guid Id, Guid Person, string Detector, string Reason, string ByName, DateTimeOffset At)
{
    public long Version { get; init; }
    public bool Withdrawn { get; init; }

    /// <summary>One override for a person and a detector: recording it again replaces the reason.</summary>
    public static Guid IdOf(Guid person, string detector) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"override:{person}:{detector}")));

    public static PersonOverride? Fold(PersonOverride? o, object fact) => fact switch
    {
        OverrideRecorded f => new PersonOverride(f.Override, f.Person, f.Detector, f.Reason, f.ByName, f.At),
        OverrideWithdrawn when o is not null => o with { Withdrawn = true },
        _ => o
    };
}
