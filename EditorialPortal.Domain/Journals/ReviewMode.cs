namespace EditorialPortal.Domain.Journals;

/// <summary>Who learns whose identity during peer review.</summary>
public enum ReviewMode
{
    /// <summary>Reviewers know the authors; authors never learn who reviewed.</summary>
    SingleBlind,

    /// <summary>Neither side learns the other's identity.</summary>
    DoubleBlind,

    /// <summary>Both sides know each other, and reviews are published with the article.</summary>
    Open
}

public static class ReviewModes
{
    public static string Describe(this ReviewMode mode) => mode switch
    {
        ReviewMode.SingleBlind => "Single-blind",
        ReviewMode.DoubleBlind => "Double-blind",
        ReviewMode.Open => "Open",
        _ => mode.ToString()
    };
}
