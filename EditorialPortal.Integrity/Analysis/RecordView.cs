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

/// <summary>An editor's act on a manuscript (assigning, inviting, deciding), with who did it and the fact it was.</summary>
public sealed record EditorialAct(Guid By, string What, FactReference Fact);

/// <summary>The author list changed after the manuscript was accepted: who was there before, and after.</summary>
public sealed record AuthorshipChange(IReadOnlyList<string> Before, IReadOnlyList<string> After, FactReference Fact);

/// <summary>One manuscript's journey as the record tells it, folded from its facts.</summary>
public sealed class ManuscriptSeen(Guid id, Guid journal, Guid submittingAuthor, FactReference started)
{
    public Guid Id { get; } = id;
    public Guid Journal { get; } = journal;
    public Guid SubmittingAuthor { get; } = submittingAuthor;
    public FactReference Started { get; } = started;
    public string Title { get; set; } = "";
    public string Abstract { get; set; } = "";
    public IReadOnlyList<string> AuthorEmails { get; set; } = [];

    /// <summary>The names the author list gave, by address.</summary>
    public Dictionary<string, string> AuthorNames { get; } = [];
    public FactReference? AuthorsIn { get; set; }
    public IReadOnlyList<SuggestedReviewer> Suggested { get; set; } = [];
    public FactReference? SuggestedIn { get; set; }
    public Guid? HandlingEditor { get; set; }
    public Dictionary<Guid, InvitationSeen> Invitations { get; } = [];
    public DateTimeOffset? SubmittedAt { get; set; }
    public FactReference? SubmittedIn { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>When it left the journal's hands: rejected, withdrawn, or accepted.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Who declared a conflict with it, and when: what they did before was theirs to do.</summary>
    public List<(Guid Person, DateTimeOffset At)> DeclaredConflicts { get; } = [];
    public List<EditorialAct> EditorialActs { get; } = [];
    public List<AuthorshipChange> AuthorshipChanges { get; } = [];

    /// <summary>Whether it was before a journal at the moment: submitted, and neither decided nor withdrawn yet.</summary>
    public bool ActiveAt(DateTimeOffset moment) => SubmittedAt <= moment && (ClosedAt is null || ClosedAt > moment);

    /// <summary>Whether it was before its journal at any moment <paramref name="other"/> was before its own.</summary>
    public bool ActiveWith(ManuscriptSeen other) =>
        SubmittedAt is { } mine && other.SubmittedAt is { } theirs && mine < (other.ClosedAt ?? DateTimeOffset.MaxValue) && theirs < (ClosedAt ?? DateTimeOffset.MaxValue);
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
            _manuscripts[fact.Stream] = new ManuscriptSeen(fact.Stream, Id(data, "Journal"), Id(data, "By"), fact.Reference);
            return;
        }
        if (!_manuscripts.TryGetValue(fact.Stream, out var manuscript)) return;
        switch (fact.Type)
        {
            case "TitleChanged":
                manuscript.Title = Text(data, "Title");
                break;
            case "AbstractChanged":
                manuscript.Abstract = Text(data, "Abstract");
                break;
            case "AuthorsChanged":
                IReadOnlyList<string> authors = [.. Items(data, "Authors").Select(a => Text(a, "Email").ToLowerInvariant())];
                if (manuscript.AcceptedAt is not null && !authors.ToHashSet().SetEquals(manuscript.AuthorEmails))
                    manuscript.AuthorshipChanges.Add(new AuthorshipChange(manuscript.AuthorEmails, authors, fact.Reference));
                manuscript.AuthorEmails = authors;
                foreach (var author in Items(data, "Authors")) manuscript.AuthorNames[Text(author, "Email").ToLowerInvariant()] = Text(author, "Name");
                manuscript.AuthorsIn = fact.Reference;
                break;
            case "ManuscriptSubmitted":
                manuscript.SubmittedAt ??= fact.At;
                manuscript.SubmittedIn ??= fact.Reference;
                break;
            case "SubmissionDeskRejected":
                manuscript.ClosedAt = fact.At;
                manuscript.EditorialActs.Add(new EditorialAct(Id(data, "By"), "rejected it at the desk", fact.Reference));
                break;
            case "SubmissionWithdrawn":
                manuscript.ClosedAt = fact.At;
                break;
            case "DecisionRecorded":
                var decision = Text(data, "Decision");
                if (decision is "Accept") manuscript.AcceptedAt ??= fact.At;
                if (decision is "Accept" or "Reject") manuscript.ClosedAt = fact.At;
                manuscript.EditorialActs.Add(new EditorialAct(Id(data, "By"), $"recorded the decision ({Recommendations.Words(decision)})", fact.Reference));
                break;
            case "DecisionRescinded":
                manuscript.AcceptedAt = null;
                manuscript.ClosedAt = null;
                break;
            case "ConflictDeclared":
                manuscript.DeclaredConflicts.Add((Id(data, "Person"), fact.At));
                break;
            case "ReviewerPreferencesChanged":
                manuscript.Suggested = [.. Items(data, "Preferences").Select(p => new SuggestedReviewer(Text(p, "Name"), Text(p, "Email").ToLowerInvariant(), p["Opposed"]?.GetValue<bool>() == true))];
                manuscript.SuggestedIn = fact.Reference;
                break;
            case "HandlingEditorAssigned":
                manuscript.HandlingEditor = Id(data, "Editor");
                manuscript.EditorialActs.Add(new EditorialAct(Id(data, "By"), "assigned its handling editor", fact.Reference));
                break;
            case "ReviewerInvited":
                var invitation = new InvitationSeen(Id(data, "Assignment"), Id(data, "Reviewer"), (int?)data["Round"] ?? 1, fact.At, Id(data, "By"));
                invitation.Evidence.Add(fact.Reference);
                manuscript.Invitations[invitation.Assignment] = invitation;
                manuscript.EditorialActs.Add(new EditorialAct(invitation.InvitedBy, "invited a reviewer", fact.Reference));
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
