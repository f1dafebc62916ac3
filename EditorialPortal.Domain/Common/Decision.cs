namespace EditorialPortal.Domain.Common;

/// <summary>The result of deciding a command: the facts to record, or a refusal.</summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> facts, Refusal? refusal)
    {
        Facts = facts;
        Refusal = refusal;
    }

    public IReadOnlyList<object> Facts { get; }
    public Refusal? Refusal { get; }
    public bool IsRefused => Refusal is not null;

    public static Decision Record(params object[] facts) => new(facts, null);

    /// <summary>The command asks for what is already so: accepted, nothing to record.</summary>
    public static readonly Decision NothingToRecord = new([], null);

    public static Decision Refuse(Refusal refusal) => new([], refusal);

    public static implicit operator Decision(Refusal refusal) => Refuse(refusal);
}
