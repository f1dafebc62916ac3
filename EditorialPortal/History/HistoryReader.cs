using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace EditorialPortal.History;

/// <summary>One fact of the record as a reader may see it.</summary>
/// <param name="Actor">The acting account, or null where the reader may not learn who acted.</param>
/// <param name="Chain">The fact's chain hash; only for readers who see the fact whole.</param>
public sealed record RecordedFact(Guid Stream, string Type, long Version, long Sequence, DateTimeOffset At, Guid? Actor, string ActorName, string ActorRole,
    string Kind, string Summary, string? CorrelationId, string? CausationId, JsonNode? Data, string? Chain);

/// <summary>A submission's facts as one reader may see them.</summary>
/// <param name="Whole">Whether the reader sees every fact unredacted (editors, integrity analysts, journal administrators).</param>
public sealed record SubmissionRecord(Submission Submission, Journal? Journal, bool Whole, IReadOnlyList<RecordedFact> Facts);

/// <summary>Which of a journal's facts to read, in order of the global sequence.</summary>
/// <param name="After">The cursor: only facts after this global sequence number.</param>
/// <param name="Withheld">Submissions whose facts are left out: the reader's own manuscripts, which they read only as their author.</param>
public sealed record FactSelection(IReadOnlyList<Guid> Journals, IReadOnlyList<string> Types, DateTimeOffset? Since, DateTimeOffset? Until, long After, int? Page,
    IReadOnlyList<Guid>? Withheld = null);

/// <summary>
/// Reads the historical record itself: a submission's facts with their metadata, redacted as the screens redact, and a
/// journal's whole record for those who keep it, streamed straight from the fact table.
/// </summary>
public sealed class HistoryReader(IDocumentStore store)
{
    /// <param name="upTo">Only the facts up to this version, as the reader could read them then.</param>
    public async Task<SubmissionRecord?> OfSubmission(Guid submission, Actor actor, long? upTo = null)
    {
        await using var session = store.QuerySession();
        var state = await session.LoadAsync<Submission>(submission);
        var journal = state is null ? null : await session.LoadAsync<Journal>(state.Journal);
        if (state is null || !state.CanRead(actor, journal)) return null;

        var events = (await session.Events.FetchStreamAsync(submission)).Where(e => upTo is null || e.Version <= upTo).ToList();
        if (upTo is not null) state = events.Select(e => e.Data).Aggregate((Submission?)null, Submission.Fold) ?? state;
        var shown = events.Where(e => e.Data is IHistoricalFact fact && Blinding.Shows(fact, state, journal, actor)).ToList();
        var named = shown.SelectMany(e => SubmissionNarrative.PeopleNamedIn((IHistoricalFact)e.Data)).Where(p => p != Guid.Empty).Distinct().ToArray();
        var names = (await session.LoadManyAsync<Account>(named)).ToDictionary(a => a.Id, a => a.Name);
        names[Domain.Common.Actor.System.Account] = Domain.Common.Actor.System.Name;

        var pseudonyms = Blinding.PseudonymsFor(state, journal, actor);
        var whole = Blinding.ViewerOf(state, journal, actor) == Blinding.Viewer.Editor;
        var seenNames = Blinding.NamesFor(state, journal, actor, names);
        var serializer = store.Options.Serializer();
        return new SubmissionRecord(state, journal, whole, [.. shown.Select(e =>
        {
            var fact = (IHistoricalFact)e.Data;
            var hidden = Blinding.HiddenFields(fact, state, journal, actor);
            var (kind, summary) = SubmissionNarrative.Tell(fact, seenNames, field => !hidden.Contains(field));
            var data = Redacted(JsonNode.Parse(serializer.ToJson(fact)), pseudonyms, hidden);
            var anonymous = pseudonyms.TryGetValue(fact.By, out var pseudonym);
            return new RecordedFact(e.StreamId, e.EventType.Name, e.Version, e.Sequence, fact.At,
                anonymous ? null : fact.By,
                anonymous ? pseudonym! : Header(e, FactHeaders.ActorName) ?? seenNames.GetValueOrDefault(fact.By, "Someone"),
                Header(e, FactHeaders.ActorRole) ?? SubmissionNarrative.RoleOf(fact.By, state, journal),
                kind, summary, e.CorrelationId, e.CausationId, data, whole ? Header(e, FactChain.Header) : null);
        })]);
    }

    /// <summary>The submissions in these journals that the actor wrote or is listed on: their record reaches them only as it reaches an author.</summary>
    public async Task<IReadOnlyList<Guid>> AuthoredBy(Actor actor, IReadOnlyList<Guid> journals)
    {
        await using var session = store.QuerySession();
        var email = EmailAddress.Normalise(actor.Email);
        var ids = journals.ToArray();
        return await session.Query<Submission>()
            .Where(s => s.Journal.IsOneOf(ids) && (s.SubmittingAuthor == actor.Account || s.Authors.Any(a => a.Email == email)))
            .Select(s => s.Id).ToListAsync();
    }

    /// <summary>The account, if the person is staff of one of these journals or wrote, edited or reviewed one of their manuscripts.</summary>
    public async Task<Account?> PersonIn(Guid person, IReadOnlyList<Guid> journals)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Account>(person) is not { } account) return null;
        var ids = journals.ToArray();
        // One question at a time, each answered by its own index, rather than one whose "or" reads every manuscript.
        var known = await session.Query<Journal>().AnyAsync(j => j.Id.IsOneOf(ids) && j.Staff.Any(s => s.Account == person))
            || await session.Query<Submission>().AnyAsync(s => s.Journal.IsOneOf(ids) && s.SubmittingAuthor == person)
            || await session.Query<Submission>().AnyAsync(s => s.Journal.IsOneOf(ids) && s.HandlingEditor == person)
            || await session.Query<Submission>().AnyAsync(s => s.Journal.IsOneOf(ids) && s.Assignments.Any(a => a.Reviewer == person));
        return known ? account : null;
    }

    /// <summary>The journals whose whole record the actor may read: where they are integrity analyst or journal administrator.</summary>
    public async Task<IReadOnlyList<Journal>> KeptBy(Actor actor)
    {
        await using var session = store.QuerySession();
        var journals = await session.Query<Journal>().Where(j => j.Staff.Any(s => s.Account == actor.Account)).ToListAsync();
        return [.. journals.Where(j => j.KeepsRecord(actor.Account))];
    }

    /// <summary>
    /// The facts of the journals' submissions, their productions and the journals themselves, unredacted, in global order. Read straight
    /// from the fact table, without deserializing, so that a bulk export runs at the database's pace.
    /// </summary>
    public async IAsyncEnumerable<RecordedFact> Facts(FactSelection selection, [EnumeratorCancellation] CancellationToken token = default)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var names = FactTypes.ByAlias(store);
        var aliases = names.Where(n => selection.Types.Count == 0 || selection.Types.Contains(n.Value, StringComparer.OrdinalIgnoreCase)).Select(n => n.Key).ToArray();
        await using var connection = store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync(token);
        await using var query = new NpgsqlCommand(
            $"""
             select e.seq_id, e.stream_id, e.version, e.type, e.data::text, e.correlation_id, e.causation_id,
                    e.headers ->> '{FactHeaders.ActorName}', e.headers ->> '{FactHeaders.ActorRole}', e.headers ->> '{FactChain.Header}'
             from {schema}.mt_events e
             where e.seq_id > @after
               and e.type = any(@types)
               and (e.stream_id = any(@journals) or e.stream_id in (select s.id from {schema}.mt_doc_submission s where s.journal = any(@journals))
                    or e.stream_id in (select p.id from {schema}.mt_doc_articleproduction p where p.journal = any(@journals))
                    or e.stream_id in (select a.id from {schema}.mt_doc_publishedarticle a where a.journal = any(@journals))
                    or e.stream_id in (select i.id from {schema}.mt_doc_journalissue i where i.journal = any(@journals)))
               and not (e.stream_id = any(@withheld))
               and (@since::timestamptz is null or (e.data ->> 'At')::timestamptz >= @since)
               and (@until::timestamptz is null or (e.data ->> 'At')::timestamptz < @until)
             order by e.seq_id
             {(selection.Page is { } limit ? $"limit {limit}" : "")}
             """, connection);
        query.Parameters.AddWithValue("after", selection.After);
        query.Parameters.AddWithValue("types", aliases);
        query.Parameters.AddWithValue("journals", selection.Journals.ToArray());
        // A manuscript withheld from the reader is withheld with its production and its publication.
        query.Parameters.AddWithValue("withheld", (selection.Withheld ?? []).SelectMany(s => new[] { s, ArticleProduction.StreamOf(s), PublishedArticle.StreamOf(s) }).ToArray());
        query.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", selection.Since?.ToUniversalTime()));
        query.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("until", selection.Until?.ToUniversalTime()));
        await using var reader = await query.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            var data = JsonNode.Parse(reader.GetString(4))!;
            var by = Guid.TryParse(data["By"]?.GetValue<string>(), out var account) ? account : Guid.Empty;
            var at = DateTimeOffset.TryParse(data["At"]?.GetValue<string>(), out var moment) ? moment : default;
            var type = names.GetValueOrDefault(reader.GetString(3), reader.GetString(3));
            yield return new RecordedFact(reader.GetGuid(1), type, reader.GetInt64(2), reader.GetInt64(0), at, by,
                Text(reader, 7) ?? "", Text(reader, 8) ?? "", "", "", Text(reader, 5), Text(reader, 6), data, Text(reader, 9));
        }
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string? Header(IEvent e, string name) => e.Headers?.GetValueOrDefault(name)?.ToString();

    /// <summary>Replaces every mention of a hidden person by what the reader calls them, and drops what the reader never reads.</summary>
    private static JsonNode? Redacted(JsonNode? node, IReadOnlyDictionary<Guid, string> pseudonyms, IReadOnlySet<string> hidden)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(hidden.Contains).ToList()) obj.Remove(name);
                foreach (var (name, value) in obj.ToList()) obj[name] = Redacted(value?.DeepClone(), pseudonyms, hidden);
                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Redacted(item?.DeepClone(), pseudonyms, hidden))]);
            case JsonValue value when value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) && pseudonyms.TryGetValue(id, out var label):
                return JsonValue.Create(label);
            default:
                return node;
        }
    }
}
