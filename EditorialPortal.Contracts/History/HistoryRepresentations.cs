using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EditorialPortal.Contracts.History;

/// <summary>Who recorded a fact, and in what capacity they acted then.</summary>
public sealed record FactActor(Guid? Account, string Name, string Role);

/// <summary>
/// One fact of the historical record as the history API gives it: where it stands (stream, version, global sequence),
/// when and by whom, what it answered (correlation and causation), its link in the stream's hash chain, and its data as
/// stored, redacted for the reader.
/// </summary>
public sealed record HistoryFact(
    Guid Stream,
    string Type,
    long Version,
    long Sequence,
    DateTimeOffset At,
    FactActor Actor,
    string? CorrelationId,
    string? CausationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Chain,
    JsonNode? Data,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, Link> Links);

/// <summary>A page of a journal's whole record, in global order; <c>next</c> is the cursor to the page after, absent at the end.</summary>
public sealed record FactsPage(
    IReadOnlyList<HistoryFact> Facts,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, Link?> Links);

/// <summary>A submission's facts as its reader may read them; <c>whole</c> says whether nothing was left out for them.</summary>
public sealed record SubmissionHistory(
    Guid Submission,
    string Title,
    bool Whole,
    IReadOnlyList<HistoryFact> Facts,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, Link> Links);

/// <summary>
/// A person as the record knows them, for those who keep the record of a journal the person acted in: who they said they
/// are (name, address, affiliation, ORCID iD) and since when they have had an account.
/// </summary>
public sealed record PersonOnRecord(
    Guid Id,
    string Name,
    string Email,
    string Affiliation,
    string? Orcid,
    DateTimeOffset RegisteredAt,
    bool EmailConfirmed,
    [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, Link> Links);
