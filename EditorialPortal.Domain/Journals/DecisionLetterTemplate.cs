namespace EditorialPortal.Domain.Journals;

/// <summary>The kinds of editorial decision a letter is written for.</summary>
public enum DecisionKind
{
    Accept,
    MinorRevision,
    MajorRevision,
    Reject,
    DeskReject
}

public static class DecisionKinds
{
    public static string Describe(this DecisionKind decision) => decision switch
    {
        DecisionKind.Accept => "Accept",
        DecisionKind.MinorRevision => "Minor revision",
        DecisionKind.MajorRevision => "Major revision",
        DecisionKind.Reject => "Reject",
        DecisionKind.DeskReject => "Reject without review",
        _ => decision.ToString()
    };
}

/// <summary>A journal's letter for one kind of decision. Placeholders: {author}, {title}, {journal}, {editor}, {reviews}.</summary>
public sealed record DecisionLetterTemplate(DecisionKind Decision, string Subject, string Body)
{
    public static readonly IReadOnlyList<string> Placeholders = ["{author}", "{title}", "{journal}", "{editor}", "{reviews}"];

    /// <summary>The letter with its placeholders filled in, ready for the editor to adjust.</summary>
    public string Compose(string author, string title, string journal, string editor, string reviews) =>
        Body.Replace("{author}", author).Replace("{title}", title).Replace("{journal}", journal).Replace("{editor}", editor).Replace("{reviews}", reviews).Trim();

    public static IReadOnlyList<DecisionLetterTemplate> Defaults =>
    [
        new(DecisionKind.Accept, "Your manuscript has been accepted",
            "Dear {author},\n\nI am pleased to tell you that \"{title}\" has been accepted for publication in {journal}.\n\n{reviews}\n\nYours sincerely,\n{editor}"),
        new(DecisionKind.MinorRevision, "Minor revision requested",
            "Dear {author},\n\nThe reviewers of \"{title}\" ask for minor revisions before {journal} can accept it. Their comments follow.\n\n{reviews}\n\nYours sincerely,\n{editor}"),
        new(DecisionKind.MajorRevision, "Major revision requested",
            "Dear {author},\n\nThe reviewers of \"{title}\" ask for major revisions. {journal} will consider a revised version that answers their comments.\n\n{reviews}\n\nYours sincerely,\n{editor}"),
        new(DecisionKind.Reject, "Decision on your manuscript",
            "Dear {author},\n\nI am sorry to tell you that {journal} cannot publish \"{title}\". The reviewers' comments follow, in the hope that they help.\n\n{reviews}\n\nYours sincerely,\n{editor}"),
        new(DecisionKind.DeskReject, "Decision on your manuscript",
            "Dear {author},\n\nThank you for sending \"{title}\" to {journal}. After reading it, I have decided not to send it out for peer review, because it does not fit the journal's scope or standards. I hope you find a better home for it soon.\n\nYours sincerely,\n{editor}")
    ];

    /// <summary>The journal's letter for a kind of decision, or the default one if the journal has none.</summary>
    public static DecisionLetterTemplate For(IEnumerable<DecisionLetterTemplate> journalLetters, DecisionKind decision) =>
        journalLetters.FirstOrDefault(l => l.Decision == decision) ?? Defaults.First(l => l.Decision == decision);
}
