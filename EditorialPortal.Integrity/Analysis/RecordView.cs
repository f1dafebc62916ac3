using System.Text.Json.Nodes;
using EditorialPortal.Integrity.CatchingUp;

namespace EditorialPortal.Integrity.Analysis;

/// <summary>A person the record names, as the portal knows them: what the detectors weigh an address or an account's age by.</summary>
public sealed record KnownPerson(Guid Id, string Name, string Email, string Affiliation, string? Orcid, DateTimeOffset RegisteredAt)
{
    public string Domain => Email[(Email.LastIndexOf('@') + 1)..].ToLowerInvariant();
}

/// <summary>A reviewer an author asked for (or asked to be spared), by name and address, as the submission gave them.</summary>
public sealed record SuggestedReviewer(string Name, string Email, bool Opposed);

/// <summary>One invitation to review and what became of it, with the facts it was read from.</summary>
public sealed class InvitationSeen(Guid assignment, Guid reviewer, int round, DateTimeOffset invitedAt, Guid invitedBy)
{
    public Guid Assignment { get; } = assignment;
    public Guid Reviewer { get; } = reviewer;
    public int Round { get; } = round;
    public DateTimeOffset InvitedAt { get; } = invitedAt;
    public Guid InvitedBy { get; } = invitedBy;
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? Recommendation { get; set; }
    public string CommentsToAuthor { get; set; } = "";
    public List<FactReference> Evidence { get; } = [];

    /// <summary>From the invitation's acceptance (or, without one, the invitation itself) to the review.</summary>
    public TimeSpan? TimeToReview => SubmittedAt - (AcceptedAt ?? InvitedAt);

    public bool Favourable => Recommendation is "Accept" or "MinorRevision";
}

/// <summary>One manuscript's journey as the record tells it, folded from its facts.</summary>
public sealed class ManuscriptSeen(Guid id, Guid journal, Guid submittingAuthor)
{
    public Guid Id { get; } = id;
    public Guid Journal { get; } = journal;
    public Guid SubmittingAuthor { get; } = submittingAuthor;
    public string Title { get; set; } = "";
    public IReadOnlyList<string> AuthorEmails { get; set; } = [];
    public IReadOnlyList<SuggestedReviewer> Suggested { get; set; } = [];
    public FactReference? SuggestedIn { get; set; }
    public Guid? HandlingEditor { get; set; }
    public Dictionary<Guid, InvitationSeen> Invitations { get; } = [];
}

/// <summary>
/// The portal's record as the detectors read it: journals, manuscripts and their invitations and reviews, folded fact by
/// fact in the record's order, from the fields the history API gives (which the contract tests pin down). Folding only
/// the facts up to a moment gives the record as it stood then, which is what a backtest runs on.
/// </summary>
public sealed class RecordView
{
    private readonly Dictionary<Guid, string> _journals = [];
    private readonly Dictionary<Guid, ManuscriptSeen> _manuscripts = [];

    public long Through { get; private set; }
    public DateTimeOffset? LastFactAt { get; private set; }
    public int FactsRead { get; private set; }
    public IReadOnlyDictionary<Guid, string> Journals => _journals;
    public IReadOnlyCollection<ManuscriptSeen> Manuscripts => _manuscripts.Values;

    public ManuscriptSeen? Manuscript(Guid id) => _manuscripts.GetValueOrDefault(id);

    public string JournalTitle(Guid journal) => _journals.GetValueOrDefault(journal) ?? "a journal";

    public void Apply(MirroredFact fact)
    {
        if (fact.Sequence <= Through) return;
        Through = fact.Sequence;
        LastFactAt = fact.At;
        FactsRead++;
        var data = fact.Fields();
        if (fact.Type == "JournalCreated")
        {
            _journals[fact.Stream] = Text(data, "Title");
            return;
        }
        if (fact.Type == "SubmissionStarted")
        {
            _manuscripts[fact.Stream] = new ManuscriptSeen(fact.Stream, Id(data, "Journal"), Id(data, "By"));
            return;
        }
        if (!_manuscripts.TryGetValue(fact.Stream, out var manuscript)) return;
        switch (fact.Type)
        {
            case "TitleChanged":
                manuscript.Title = Text(data, "Title");
                break;
            case "AuthorsChanged":
                manuscript.AuthorEmails = [.. Items(data, "Authors").Select(a => Text(a, "Email").ToLowerInvariant())];
                break;
            case "ReviewerPreferencesChanged":
                manuscript.Suggested = [.. Items(data, "Preferences").Select(p => new SuggestedReviewer(Text(p, "Name"), Text(p, "Email").ToLowerInvariant(), p["Opposed"]?.GetValue<bool>() == true))];
                manuscript.SuggestedIn = fact.Reference;
                break;
            case "HandlingEditorAssigned":
                manuscript.HandlingEditor = Id(data, "Editor");
                break;
            case "ReviewerInvited":
                var invitation = new InvitationSeen(Id(data, "Assignment"), Id(data, "Reviewer"), (int?)data["Round"] ?? 1, fact.At, Id(data, "By"));
                invitation.Evidence.Add(fact.Reference);
                manuscript.Invitations[invitation.Assignment] = invitation;
                break;
            case "InvitationAccepted" when manuscript.Invitations.TryGetValue(Id(data, "Assignment"), out var accepted):
                accepted.AcceptedAt = fact.At;
                accepted.Evidence.Add(fact.Reference);
                break;
            case "ReviewSubmitted" when manuscript.Invitations.TryGetValue(Id(data, "Assignment"), out var reviewed):
                reviewed.SubmittedAt = fact.At;
                reviewed.Recommendation = Text(data, "Recommendation");
                reviewed.CommentsToAuthor = Text(data, "CommentsToAuthor");
                reviewed.Evidence.Add(fact.Reference);
                break;
        }
    }

    private static string Text(JsonNode? node, string field) => node?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static Guid Id(JsonNode? node, string field) => Guid.TryParse(Text(node, field), out var id) ? id : Guid.Empty;

    private static IEnumerable<JsonNode> Items(JsonNode? node, string field) => node?[field] is JsonArray items ? items.OfType<JsonNode>() : [];
}
