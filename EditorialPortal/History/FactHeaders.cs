namespace EditorialPortal.History;

/// <summary>What the record says about each fact beyond the fact itself, in its headers.</summary>
public static class FactHeaders
{
    /// <summary>The acting person's name as it was when they acted.</summary>
    public const string ActorName = "actor-name";

    /// <summary>In what capacity they acted: author, reviewer, handling editor, the portal…</summary>
    public const string ActorRole = "actor-role";
}
