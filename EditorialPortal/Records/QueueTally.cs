using EditorialPortal.Domain.Submissions;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace EditorialPortal.Records;

/// <summary>
/// Each journal's submissions counted by queue standing (status, reviewers engaged, reviews in, awaiting confirmation):
/// a few dozen rows per journal from which the queue sizes are summed, however many manuscripts it holds. A trigger on
/// the submission table keeps it in the very transaction that changes a submission, whichever writer that is. Emptying
/// the table wholesale (truncate) is not followed: a rebuild counts the tally afresh, as the portal does when it starts.
/// </summary>
public static class QueueTally
{
    private const string Table = "queue_tally";
    private const string Columns = "journal, status, reviewers_engaged, reviews_in, awaits_confirmation";

    public static IEnumerable<ISchemaObject> SchemaObjects(string schema)
    {
        var table = new Table(Named(schema, Table));
        table.AddColumn<Guid>("journal").AsPrimaryKey();
        table.AddColumn("status", "varchar").AsPrimaryKey();
        table.AddColumn<int>("reviewers_engaged").AsPrimaryKey();
        table.AddColumn<int>("reviews_in").AsPrimaryKey();
        table.AddColumn<bool>("awaits_confirmation").AsPrimaryKey();
        table.AddColumn<long>("submissions").NotNull();
        yield return table;

        yield return new QueueTallyFollows(schema);
    }

    /// <summary>
    /// Counts the tally afresh from the submissions, for a record written before the tally existed or rebuilt without it.
    /// Writers wait on the table lock meanwhile, so none of their changes falls between the count and the tally.
    /// </summary>
    public static async Task Recount(IDocumentStore store, CancellationToken cancellationToken = default)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"lock table {schema}.{Table} in exclusive mode");
        session.QueueSqlCommand($"delete from {schema}.{Table}");
        session.QueueSqlCommand($"""
            insert into {schema}.{Table} ({Columns}, submissions)
            select journal, status, coalesce(reviewers_engaged, 0), coalesce(reviews_in, 0), coalesce(awaits_confirmation, false), count(*)
              from {schema}.mt_doc_submission where journal is not null and status is not null group by 1, 2, 3, 4, 5
            """);
        await session.SaveChangesAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<QueueStanding>> Standings(IQuerySession session, Guid journal, CancellationToken cancellationToken = default) =>
        await session.AdvancedSql.QueryAsync<QueueStanding>(
            "select json_build_object('Status', status, 'ReviewersEngaged', reviewers_engaged, 'ReviewsIn', reviews_in, " +
            $"'AwaitsConfirmation', awaits_confirmation, 'Submissions', submissions) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.{Table} " +
            "where journal = ? and submissions > 0", cancellationToken, journal);

    private static PostgresqlObjectName Named(string schema, string name, SchemaUtils.IdentifierUsage usage = SchemaUtils.IdentifierUsage.General) =>
        new(schema, name, usage);
}

/// <summary>
/// The trigger that keeps the tally, with its function, as one schema object: written in the very form PostgreSQL gives
/// back, so that a schema already in place is recognised as such and left alone.
/// </summary>
internal sealed class QueueTallyFollows(string schema) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, "queue_tally_follows", SchemaUtils.IdentifierUsage.General);

    // An update that leaves the standing as it was (most commands) touches no tally row, so writers on different
    // manuscripts rarely wait for one another; and the rows a move touches are taken in the order of their keys, so that
    // two writers moving manuscripts between the same standings never wait for each other in a circle.
    private string Function => $"""
        CREATE OR REPLACE FUNCTION {schema}.queue_tally_follow()
         RETURNS trigger
         LANGUAGE plpgsql
        AS $function$
        declare
          change record;
        begin
          if tg_op = 'UPDATE' and (old.journal, old.status, old.reviewers_engaged, old.reviews_in, old.awaits_confirmation)
              is not distinct from (new.journal, new.status, new.reviewers_engaged, new.reviews_in, new.awaits_confirmation) then
            return null;
          end if;
          for change in
            select * from (values
              (old.journal, old.status, coalesce(old.reviewers_engaged, 0), coalesce(old.reviews_in, 0), coalesce(old.awaits_confirmation, false), -1),
              (new.journal, new.status, coalesce(new.reviewers_engaged, 0), coalesce(new.reviews_in, 0), coalesce(new.awaits_confirmation, false), 1)
            ) as standing (journal, status, reviewers_engaged, reviews_in, awaits_confirmation, delta)
            where journal is not null and status is not null
            order by journal, status, reviewers_engaged, reviews_in, awaits_confirmation
          loop
            insert into {schema}.queue_tally as t (journal, status, reviewers_engaged, reviews_in, awaits_confirmation, submissions)
            values (change.journal, change.status, change.reviewers_engaged, change.reviews_in, change.awaits_confirmation, change.delta)
            on conflict (journal, status, reviewers_engaged, reviews_in, awaits_confirmation) do update set submissions = t.submissions + excluded.submissions;
          end loop;
          return null;
        end
        $function$
        """;

    private string Trigger =>
        $"CREATE TRIGGER queue_tally_follows AFTER INSERT OR DELETE OR UPDATE ON {schema}.mt_doc_submission FOR EACH ROW EXECUTE FUNCTION {schema}.queue_tally_follow()";

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine(Function + ";");
        writer.WriteLine($"DROP TRIGGER IF EXISTS queue_tally_follows ON {schema}.mt_doc_submission;");
        writer.WriteLine(Trigger + ";");
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        writer.WriteLine($"DROP TRIGGER IF EXISTS queue_tally_follows ON {schema}.mt_doc_submission;");
        writer.WriteLine($"DROP FUNCTION IF EXISTS {schema}.queue_tally_follow();");
    }

    public void ConfigureQueryCommand(DbCommandBuilder builder) => builder.Append($"""
        select (select pg_get_functiondef(to_regproc('{schema}.queue_tally_follow'))),
               (select pg_get_triggerdef(t.oid) from pg_trigger t where t.tgname = 'queue_tally_follows' and t.tgrelid = to_regclass('{schema}.mt_doc_submission'));

        """);

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(System.Data.Common.DbDataReader reader, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        var function = await reader.IsDBNullAsync(0, ct) ? null : reader.GetString(0);
        var trigger = await reader.IsDBNullAsync(1, ct) ? null : reader.GetString(1);
        var difference = function is null && trigger is null ? SchemaPatchDifference.Create
            : Same(function, Function) && Same(trigger, Trigger) ? SchemaPatchDifference.None
            : SchemaPatchDifference.Update;
        return new SchemaObjectDelta(this, difference);
    }

    private static bool Same(string? existing, string expected) =>
        existing is not null && Normal(existing) == Normal(expected);

    private static string Normal(string sql) => string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(';');

    public IEnumerable<DbObjectName> AllNames() => [Identifier];
}

/// <summary>
/// The tally's table and trigger as a feature of the store: Marten creates such features after the document
/// tables, which the triggers need.
/// </summary>
public sealed class QueueTallyFeature(StoreOptions options, string schema) : FeatureSchemaBase("QueueTally", options.Advanced.Migrator)
{
    public override IEnumerable<Type> DependentTypes() => [typeof(Submission)];

    protected override IEnumerable<ISchemaObject> schemaObjects() => QueueTally.SchemaObjects(schema);
}

/// <summary>The tally counted afresh as the portal starts, after its schema is in place: a record from before the tally, or one restored, starts right.</summary>
public sealed class RecountQueueTally : Marten.Schema.IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation) => QueueTally.Recount(store, cancellation);
}
