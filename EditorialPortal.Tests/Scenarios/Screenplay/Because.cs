namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>The refusals a scenario expects, in domain words.</summary>
public static class Because
{
    public static readonly SeenRefusal NotAuthorised = new("NotAuthorised", []);
    public static readonly SeenRefusal NotAllowedInState = new("NotAllowedInState", []);

    /// <summary>Refused as invalid, naming exactly these fields (as what is still missing, or what is wrong).</summary>
    public static SeenRefusal Missing(params string[] fields) => new("Invalid", fields);
}
