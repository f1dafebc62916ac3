using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.CatchingUp;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Marten.Events.Aggregation;

namespace EditorialPortal.Integrity.Signals;

/// <summary>This application's own database: the portal's facts as read, the checkpoint, the people, and its own facts with their current state.</summary>
public static class IntegrityRecord
{
    public const string Schema = "integrity";

    public static void Configure(StoreOptions opts, string connectionString)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        opts.Events.AddEventType<SignalRaised>();
        opts.Schema.For<MirroredFact>().Identity(f => f.Id).Duplicate(f => f.At);
        opts.Schema.For<Checkpoint>().Identity(c => c.Id);
        opts.Schema.For<KnownPerson>().Identity(p => p.Id);
        // The signal list filters by journal, detector and severity and shows the newest first.
        opts.Schema.For<Signal>().Identity(s => s.Id).Duplicate(s => s.Journal).Duplicate(s => s.Detector).Duplicate(s => s.Severity).Duplicate(s => s.RaisedAt);
        opts.Projections.Add<SignalProjection>(ProjectionLifecycle.Inline);
    }
}

public sealed partial class SignalProjection : SingleStreamProjection<Signal, Guid>
{
    public SignalProjection() => IncludeType<SignalRaised>();

    public override Signal? Evolve(Signal? snapshot, Guid id, IEvent e) => Signal.Fold(snapshot, e.Data) is { } s ? s with { Version = e.Version } : null;
}
