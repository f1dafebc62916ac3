using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using JasperFx;
using Npgsql;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace EditorialPortal.Records;

/// <summary>The historical record on Marten: fact streams, current-state documents kept inline, and their indexes.</summary>
public static class EditorialRecordSetup
{
    public static void Configure(StoreOptions opts, string connectionString, string schema = "editorial")
    {
        opts.Connection(Tuned(connectionString));
        opts.DatabaseSchemaName = schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);

        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Listeners.Add(new History.FactChaining());
        opts.Events.AddEventTypes(History.FactTypes.All);

        opts.Projections.Add<SubmissionProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<JournalProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<AccountProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<OutgoingMessageProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ReviewDraftProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ProductionProjection>(ProjectionLifecycle.Inline);
        // The production dashboard groups a journal's articles by their step, longest waiting first.
        opts.Schema.For<ArticleProduction>().Duplicate(p => p.Journal).Duplicate(p => p.Submission).Index(p => new { p.Journal, p.Step, p.StepSince });
        opts.Projections.Add<PublicationProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<IssueProjection>(ProjectionLifecycle.Inline);
        // A journal's archive lists its issues, and its home names the latest, by volume and number from the index alone;
        // the publishing round finds scheduled issues whose time has come.
        opts.Schema.For<JournalIssue>().Duplicate(i => i.Journal).Duplicate(i => i.Status).Duplicate(i => i.ScheduledFor!).Duplicate(i => i.PublishedAt!)
            .Duplicate(i => i.Volume).Duplicate(i => i.Number).Index(i => new { i.Journal, i.Status, i.Volume, i.Number })
            .Duplicate(i => i.Doi!, configure: index => index.IsUnique = true);
        // A DOI is the article's alone in the whole portal: the store refuses a second holder whatever the deciding saw.
        // The reader site lists a journal's articles newest first, and the publishing round finds those whose time has come.
        opts.Schema.For<PublishedArticle>().Duplicate(a => a.Journal).Duplicate(a => a.Doi!, configure: index => index.IsUnique = true)
            .Duplicate(a => a.Status).Duplicate(a => a.PublishedAt!).Duplicate(a => a.ScheduledFor!).Duplicate(a => a.DepositDue!).Duplicate(a => a.ReportDue!)
            .Index(a => new { a.Journal, a.Status, a.PublishedAt })
            // An article number is the article's alone in its journal, whatever two publications deciding at once saw.
            .Index(a => new { a.Journal, a.ArticleNumber }, index => index.IsUnique = true)
            // Harvesters page through what changed, oldest change first, in the whole portal or in one journal.
            .Duplicate(a => a.LastChangedAt).Index(a => new { a.Status, a.LastChangedAt, a.Id }).Index(a => new { a.Journal, a.Status, a.LastChangedAt, a.Id });

        // The dashboards filter and sort on these: real columns with indexes, so paging happens in PostgreSQL without
        // reading the documents themselves. Titles are searched by any part of a word, which a trigram index answers.
        opts.Storage.ExtendedSchemaObjects.Add(new Weasel.Postgresql.Extension("pg_trgm"));
        opts.Storage.Add(new QueueTallyFeature(opts, schema));
        opts.Storage.Add(new ArticleSearchFeature(opts, schema));
        opts.Schema.For<Submission>()
            .Duplicate(s => s.Title, configure: index =>
            {
                index.Method = IndexMethod.gin;
                index.Mask = "? gin_trgm_ops";
            })
            .Duplicate(s => s.SubmittingAuthor)
            .Duplicate(s => s.Status)
            .Duplicate(s => s.HandlingEditor!)
            // Each queue is a journal and a status with a condition on these columns, read in the order the editor sorts by:
            // a page's ids come from the index entries alone, without visiting the documents the conditions turn away.
            .Index(s => new { s.Journal, s.Status, s.SubmittedAt }, QueueOrder)
            .Index(s => new { s.Journal, s.Status, s.Title }, QueueOrder)
            .Index(s => new { s.Journal, s.Status, s.StatusSince }, QueueOrder)
            // Few reviews are overdue at once: found by their due date, not by walking the whole of "in review".
            .Index(s => new { s.Journal, s.Status, s.EarliestReviewDue })
            // An author's own manuscripts, and the co-authors a reviewer invitation warns about, are found by containment.
            // Without fast update: a pending list of recent inserts would be scanned by every search.
            .GinIndexJsonDataMember(s => s.Authors, index => index.StorageParameters["fastupdate"] = "off")
            // The manuscripts an editor declared a conflict with are taken off their queues.
            .GinIndexJsonDataMember(s => s.DeclaredConflicts, index => index.StorageParameters["fastupdate"] = "off")
            // Whom a journal's analysts may look up: the reviewers of its manuscripts, found by containment.
            .GinIndexJsonDataMember(s => s.Assignments, index => index.StorageParameters["fastupdate"] = "off");
        // Columns the queues test and sort on, without an index each: every index is one more write per command, and
        // the queue index below answers for them.
        opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(Submission)) return;
            foreach (var column in QueueColumns) mapping.DuplicateField(column);
        });
        opts.Schema.For<Account>().Duplicate(a => a.Email, configure: index => index.IsUnique = true);
        opts.Schema.For<ProcessedCommand>();
        // The dispatcher looks for mail due now; administrators page through a journal's mail.
        opts.Schema.For<OutgoingMessage>()
            .Duplicate(m => m.NextAttemptAt!)
            .Duplicate(m => m.Journal!)
            .Duplicate(m => m.Status)
            .Duplicate(m => m.QueuedAt);
        opts.Schema.For<Hosting.DataProtectionKey>();
    }

    private static void QueueOrder(Marten.Schema.ComputedIndex index) =>
        index.IncludeColumns = ["reviewers_engaged", "reviews_in", "awaits_confirmation", "earliest_review_due", "handling_editor", "type", "id"];

    private static readonly string[] QueueColumns =
    [
        nameof(Submission.Journal), nameof(Submission.Type), nameof(Submission.SubmittedAt), nameof(Submission.LastChangedAt),
        nameof(Submission.StatusSince), nameof(Submission.ReviewsIn), nameof(Submission.ReviewersEngaged),
        nameof(Submission.EarliestReviewDue), nameof(Submission.AwaitsConfirmation)
    ];

    /// <summary>
    /// Every command runs the same few statements: prepared once per connection, they skip the parse; and a connection
    /// back in the pool keeps them, since the portal leaves no session state behind to reset.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 100;
        return builder.ConnectionString;
    }
}
