namespace EditorialPortal.Domain.Common;

/// <summary>A signed-in person acting through a command or a query.</summary>
public sealed record Actor(Guid Account, string Name, string Email)
{
    /// <summary>The portal itself, for set-up work such as seeding a demo journal.</summary>
    public static readonly Actor System = new(Guid.Empty, "EditorialPortal", "system@editorialportal.invalid");

    /// <summary>Someone not signed in: registering, signing in, or following an emailed link.</summary>
    public static readonly Actor Anonymous = new(Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), "Someone not signed in", "");

    public bool IsSystem => Account == Guid.Empty;

    public bool IsAnonymous => Account == Anonymous.Account;

    /// <summary>A person signed in to their own account, as opposed to the portal itself or a stranger.</summary>
    public bool IsPerson => !IsSystem && !IsAnonymous;
}
