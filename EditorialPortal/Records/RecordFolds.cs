using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace EditorialPortal.Records;

/// <summary>One stream's facts in order, and the current-state document they fold into (null where the fold gives none).</summary>
public sealed record FoldedStream(Guid Id, string? Table, object? State, IReadOnlyList<FoldedFact> Facts);

/// <summary>A fact as stored: its version, its type's name, and the fact itself (null when the type is unknown).</summary>
public sealed record FoldedFact(long Version, string Type, object? Data);

/// <summary>
/// Every stream of the record folded in memory, page by page in the order of stream ids, with the same projections the
/// commands keep inline: what a rebuild writes, and what the invariant checker compares the stored documents with.
/// </summary>
public sealed class RecordFolds(IDocumentStore store)
{
    // Each projection folds the streams that start with one of its types; made once, as making one is costly.
    private static readonly SubmissionProjection Submissions = new();
    private static readonly JournalProjection Journals = new();
    private static readonly AccountProjection Accounts = new();
    private static readonly OutgoingMessageProjection Messages = new();
    private static readonly ReviewDraftProjection Drafts = new();
    private static readonly ProductionProjection Productions = new();
    private static readonly PublicationProjection Publications = new();
    private static readonly IssueProjection Issues = new();

    private static readonly (string Table, Func<Type, bool> Folds, Func<object?, Guid, IEvent, object?> Evolve)[] Projections =
    [
        ("submission", t => Submission.FactTypes.Contains(t), (s, id, e) => Submissions.Evolve((Submission?)s, id, e)),
        ("journal", t => Journal.FactTypes.Contains(t), (s, id, e) => Journals.Evolve((Journal?)s, id, e)),
        ("account", t => Account.FactTypes.Contains(t), (s, id, e) => Accounts.Evolve((Account?)s, id, e)),
        ("outgoingmessage", t => OutgoingMessage.FactTypes.Contains(t), (s, id, e) => Messages.Evolve((OutgoingMessage?)s, id, e)),
        ("reviewdraft", t => ReviewDraft.FactTypes.Contains(t), (s, id, e) => Drafts.Evolve((ReviewDraft?)s, id, e)),
        ("articleproduction", t => ArticleProduction.FactTypes.Contains(t), (s, id, e) => Productions.Evolve((ArticleProduction?)s, id, e)),
        ("publishedarticle", t => PublishedArticle.FactTypes.Contains(t), (s, id, e) => Publications.Evolve((PublishedArticle?)s, id, e)),
        ("journalissue", t => JournalIssue.FactTypes.Contains(t), (s, id, e) => Issues.Evolve((JournalIssue?)s, id, e))
    ];

    /// <summary>The tables of the current-state documents that the facts fold into.</summary>
    public static IEnumerable<string> Tables => Projections.Select(p => p.Table);

    public async IAsyncEnumerable<IReadOnlyList<FoldedStream>> Pages(NpgsqlConnection connection, int streamsPerPage,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token = default)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var types = store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventTypeName, t => t.EventType);
        var facts = new Dictionary<Type, Func<object, IEvent>>();
        var serializer = store.Options.Serializer();
        var after = Guid.Empty;
        while (true)
        {
            var ids = new List<Guid>();
            await using (var streams = new NpgsqlCommand($"select id from {schema}.mt_streams where id > @after order by id limit {streamsPerPage}", connection))
            {
                streams.Parameters.AddWithValue("after", after);
                await using var reader = await streams.ExecuteReaderAsync(token);
                while (await reader.ReadAsync(token)) ids.Add(reader.GetGuid(0));
            }
            if (ids.Count == 0) yield break;
            after = ids[^1];

            var page = new List<FoldedStream>(ids.Count);
            await using (var command = new NpgsqlCommand(
                $"select stream_id, version, type, data::text from {schema}.mt_events where stream_id = any(@ids) and type <> '{Tombstone.Name}' order by stream_id, version", connection))
            {
                command.Parameters.AddWithValue("ids", ids.ToArray());
                await using var reader = await command.ExecuteReaderAsync(token);
                Guid? current = null;
                object? state = null;
                (string Table, Func<Type, bool> Folds, Func<object?, Guid, IEvent, object?> Evolve)? projection = null;
                var folded = new List<FoldedFact>();
                while (await reader.ReadAsync(token))
                {
                    var (stream, version, alias) = (reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2));
                    if (stream != current)
                    {
                        if (current is { } done) page.Add(new FoldedStream(done, projection?.Table, state, folded));
                        (current, state, folded) = (stream, null, []);
                        projection = types.TryGetValue(alias, out var first) ? Projections.FirstOrDefault(p => p.Folds(first)) : null;
                        if (projection?.Table is null) projection = null;
                    }
                    if (!types.TryGetValue(alias, out var type))
                    {
                        folded.Add(new FoldedFact(version, alias, null));
                        continue;
                    }
                    // The text's bytes as they came, straight to the deserialiser: no string made of each fact.
                    await using var json = await reader.GetStreamAsync(3, token);
                    var data = serializer.FromJson(type, json);
                    folded.Add(new FoldedFact(version, alias, data));
                    if (projection is { } fold)
                    {
                        if (!facts.TryGetValue(type, out var wrap))
                            facts[type] = wrap = typeof(RecordFolds).GetMethod(nameof(Wrap), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                                .MakeGenericMethod(type).CreateDelegate<Func<object, IEvent>>();
                        var fact = wrap(data);
                        fact.Version = version;
                        fact.StreamId = stream;
                        state = fold.Evolve(state, stream, fact);
                    }
                }
                if (current is { } last) page.Add(new FoldedStream(last, projection?.Table, state, folded));
            }
            // Streams without a single fact (a failed start, say) are still streams: the invariant checker counts them.
            foreach (var empty in ids.Except(page.Select(p => p.Id)).ToList()) page.Add(new FoldedStream(empty, null, null, []));
            yield return page;
        }
    }

    private static IEvent Wrap<TFact>(object data) where TFact : notnull => new Event<TFact>((TFact)data);
}
