namespace EditorialPortal.Domain.Common;

/// <summary>A signed-in person acting through a command or a query.</summary>
public sealed record Actor(Guid Account, string Name, string Email)
{
    /// <summary>The portal itself, for set-up work such as seeding a demo journal.</summary>
    public static readonly Actor System = new(Guid.Empty, "EditorialPortal", "system@editorialportal.invalid");

    public bool IsSystem => Account == Guid.Empty;
}
