using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.Cases;
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
        opts.Events.AddEventTypes([typeof(SignalRaised), typeof(CaseOpened), typeof(SignalJoinedCase), typeof(InvestigationBegun), typeof(CaseNoted), typeof(CaseCleared),
            typeof(CaseConfirmed), typeof(CaseReopened), typeof(ConcernRaisedInPortal), typeof(ConcernLiftedInPortal), typeof(OverrideRecorded), typeof(OverrideWithdrawn)]);
        opts.Schema.For<MirroredFact>().Identity(f => f.Id).Duplicate(f => f.At);
        opts.Schema.For<Checkpoint>().Identity(c => c.Id);
        opts.Schema.For<KnownPerson>().Identity(p => p.Id);
        // The signal list filters by journal, detector and severity and shows the newest first.
        opts.Schema.For<Signal>().Identity(s => s.Id).Duplicate(s => s.Journal).Duplicate(s => s.Detector).Duplicate(s => s.Severity).Duplicate(s => s.RaisedAt);
        opts.Projections.Add<SignalProjection>(ProjectionLifecycle.Inline);
        // The case list sorts by severity and filters by state; the newest change first.
        opts.Schema.For<IntegrityCase>().Identity(c => c.Id).Duplicate(c => c.State).Duplicate(c => c.Severity).Duplicate(c => c.LastChangedAt);
        opts.Projections.Add<CaseProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<PersonOverride>().Identity(o => o.Id).Duplicate(o => o.Person);
        opts.Projections.Add<OverrideProjection>(ProjectionLifecycle.Inline);
    }
}

public sealed partial class CaseProjection : SingleStreamProjection<IntegrityCase, Guid>
{
    public CaseProjection()
    {
        foreach (var type in new[] { typeof(CaseOpened), typeof(SignalJoinedCase), typeof(InvestigationBegun), typeof(CaseNoted), typeof(CaseCleared), typeof(CaseConfirmed),
                     typeof(CaseReopened), typeof(ConcernRaisedInPortal), typeof(ConcernLiftedInPortal) })
            IncludeType(type);
    }

    public override IntegrityCase? Evolve(IntegrityCase? snapshot, Guid id, IEvent e) => IntegrityCase.Fold(snapshot, e.Data) is { } c ? c with { Version = e.Version } : null;
}

public sealed partial class OverrideProjection : SingleStreamProjection<PersonOverride, Guid>
{
    public OverrideProjection()
    {
        IncludeType<OverrideRecorded>();
        IncludeType<OverrideWithdrawn>();
    }

    public override PersonOverride? Evolve(PersonOverride? snapshot, Guid id, IEvent e) => PersonOverride.Fold(snapshot, e.Data) is { } o ? o with { Version = e.Version } : null;
}

public sealed partial class SignalProjection : SingleStreamProjection<Signal, Guid>
{
    public SignalProjection() => IncludeType<SignalRaised>();

    public override Signal? Evolve(Signal? snapshot, Guid id, IEvent e) => Signal.Fold(snapshot, e.Data) is { } s ? s with { Version = e.Version } : null;
}
