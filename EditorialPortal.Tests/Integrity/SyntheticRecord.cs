using System.Text.Json;
using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.CatchingUp;

namespace EditorialPortal.Tests.Integrity;

/// <summary>
/// A record written fact by fact in the shape the history API gives (the contract tests hold the real one to it), for
/// trying each detector on exactly the situation it is for.
/// </summary>
public sealed class SyntheticRecord
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly List<MirroredFact> _facts = [];
    private readonly Dictionary<Guid, long> _versions = [];
    private readonly Dictionary<Guid, KnownPerson> _people = [];

    public IReadOnlyDictionary<Guid, KnownPerson> People => _people;

    public static DateTimeOffset Day(double day) => Start.AddDays(day);

    public KnownPerson Person(string name, string? email = null, double registered = -400)
    {
        var person = new KnownPerson(Guid.NewGuid(), name, email ?? $"{name.ToLowerInvariant().Replace(' ', '.')}@uni-{Guid.NewGuid().ToString("N")[..6]}.example",
            $"University of {name}", null, Day(registered));
        _people[person.Id] = person;
        return person;
    }

    public Guid Journal(string title)
    {
        var id = Guid.NewGuid();
        Fact(id, "JournalCreated", new { Journal = id, Title = title }, Day(-500), Guid.Empty);
        return id;
    }

    public Guid Manuscript(Guid journal, KnownPerson author, string title, string @abstract = "", double submitted = 0, params KnownPerson[] coauthors)
    {
        var id = Guid.NewGuid();
        Fact(id, "SubmissionStarted", new { Submission = id, Journal = journal, By = author.Id }, Day(submitted - 1), author.Id);
        Fact(id, "TitleChanged", new { Submission = id, Title = title, By = author.Id }, Day(submitted - 1), author.Id);
        Fact(id, "AbstractChanged", new { Submission = id, Abstract = @abstract, By = author.Id }, Day(submitted - 1), author.Id);
        Authors(id, author, Day(submitted - 1), [author, .. coauthors]);
        Fact(id, "ManuscriptSubmitted", new { Submission = id, Journal = journal, ManuscriptVersion = 1, By = author.Id }, Day(submitted), author.Id);
        return id;
    }

    public void Authors(Guid manuscript, KnownPerson by, DateTimeOffset at, params KnownPerson[] authors) =>
        Fact(manuscript, "AuthorsChanged", new { Submission = manuscript, Authors = authors.Select(a => new { a.Name, a.Email, a.Affiliation, IsCorresponding = a == authors[0] }), By = by.Id },
            at, by.Id);

    /// <summary>The authors suggest these reviewers for the manuscript.</summary>
    public void Suggest(Guid manuscript, KnownPerson by, double day, params KnownPerson[] reviewers) =>
        Fact(manuscript, "ReviewerPreferencesChanged",
            new { Submission = manuscript, Preferences = reviewers.Select(r => new { r.Name, r.Email, Reason = "An expert.", Opposed = false }), By = by.Id }, Day(day), by.Id);

    /// <summary>An invitation accepted at once and reviewed <paramref name="days"/> later; answers the assignment.</summary>
    public Guid Review(Guid manuscript, KnownPerson editor, KnownPerson reviewer, double invited, double days, string comments = "Sound work.", string recommendation = "MinorRevision")
    {
        var assignment = Guid.NewGuid();
        Fact(manuscript, "ReviewerInvited", new { Submission = manuscript, Assignment = assignment, Reviewer = reviewer.Id, Round = 1, By = editor.Id }, Day(invited), editor.Id);
        Fact(manuscript, "InvitationAccepted", new { Submission = manuscript, Assignment = assignment, By = reviewer.Id }, Day(invited), reviewer.Id);
        Fact(manuscript, "ReviewSubmitted", new { Submission = manuscript, Assignment = assignment, Recommendation = recommendation, CommentsToAuthor = comments, By = reviewer.Id },
            Day(invited + days), reviewer.Id);
        return assignment;
    }

    public void Decide(Guid manuscript, KnownPerson editor, string decision, double day) =>
        Fact(manuscript, "DecisionRecorded", new { Submission = manuscript, Round = 1, Decision = decision, By = editor.Id }, Day(day), editor.Id);

    public void DeclareConflict(Guid manuscript, KnownPerson person, double day) =>
        Fact(manuscript, "ConflictDeclared", new { Submission = manuscript, Person = person.Id, By = person.Id }, Day(day), person.Id);

    public RecordView View()
    {
        var view = new RecordView();
        foreach (var fact in _facts) view.Apply(fact);
        return view;
    }

    public IReadOnlyList<Finding> Detect(IDetector detector) => [.. detector.Detect(View(), People)];

    private void Fact(Guid stream, string type, object data, DateTimeOffset at, Guid actor)
    {
        var version = _versions[stream] = _versions.GetValueOrDefault(stream) + 1;
        _facts.Add(new MirroredFact(_facts.Count + 1, stream, type, version, at, actor, "", "", JsonSerializer.Serialize(data),
            new Dictionary<string, string> { ["asItWas"] = $"/submissions/{stream}?at={version}" }));
    }
}
