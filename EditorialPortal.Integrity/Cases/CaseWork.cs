namespace EditorialPortal.Integrity.Cases;

/// <summary>What an analyst does with a case.</summary>
public abstract record CaseCommand
{
    public sealed record BeginInvestigation : CaseCommand;

    public sealed record Note(string Text) : CaseCommand;

    public sealed record Clear(string Reason) : CaseCommand;

    public sealed record Confirm(string Reason) : CaseCommand;

    public sealed record Reopen(string Reason) : CaseCommand;
}

/// <summary>The analyst acting, as the portal vouched for them at sign-in.</summary>
public sealed record Analyst(Guid Account, string Name);

/// <summary>A case command decided: the facts to record, or why not, in words.</summary>
public sealed record CaseDecision(IReadOnlyList<object> Facts, string? Refusal)
{
    public static CaseDecision Record(object fact) => new([fact], null);

    public static CaseDecision Refuse(string why) => new([], why);
}

/// <summary>
/// How a case moves: flagged → investigating → cleared or confirmed, each closing with its reason; a closed case is
/// reopened only with a reason. Decided without I/O, like the portal's commands.
/// </summary>
public static class CaseRules
{
    public const int LongestText = 4_000;

    public static CaseDecision Decide(IntegrityCase c, CaseCommand command, Analyst by, DateTimeOffset now) => command switch
    {
        CaseCommand.BeginInvestigation when c.State == CaseState.Investigating => new([], null),
        CaseCommand.BeginInvestigation when c.State == CaseState.Flagged => CaseDecision.Record(new InvestigationBegun(c.Id, by.Account, by.Name, now)),
        CaseCommand.BeginInvestigation => CaseDecision.Refuse("The case is closed: reopen it, saying why, to investigate again."),
        CaseCommand.Note n => Text(n.Text, "Write the note.") ?? CaseDecision.Record(new CaseNoted(c.Id, n.Text.Trim(), by.Account, by.Name, now)),
        CaseCommand.Clear when c.IsClosed => CaseDecision.Refuse($"The case is {c.State.ToString().ToLowerInvariant()} already."),
        CaseCommand.Clear x => Text(x.Reason, "Say why the case is cleared: what was looked into, and why it is innocent.")
            ?? CaseDecision.Record(new CaseCleared(c.Id, x.Reason.Trim(), by.Account, by.Name, now)),
        CaseCommand.Confirm when c.IsClosed => CaseDecision.Refuse($"The case is {c.State.ToString().ToLowerInvariant()} already."),
        CaseCommand.Confirm x => Text(x.Reason, "Say what was found: the confirmation is the case's finding.")
            ?? CaseDecision.Record(new CaseConfirmed(c.Id, x.Reason.Trim(), by.Account, by.Name, now)),
        CaseCommand.Reopen when !c.IsClosed => CaseDecision.Refuse("The case is open."),
        CaseCommand.Reopen x => Text(x.Reason, "Say why the case is looked into again.") ?? CaseDecision.Record(new CaseReopened(c.Id, x.Reason.Trim(), by.Account, by.Name, now)),
        _ => CaseDecision.Refuse("That is not something a case does.")
    };

    private static CaseDecision? Text(string text, string missing) =>
        text.Trim().Length == 0 ? CaseDecision.Refuse(missing)
        : text.Trim().Length > LongestText ? CaseDecision.Refuse($"At most {LongestText:N0} characters.")
        : null;
}
