using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.People;

public sealed record AccountRegistered(Guid Account, string Name, string Email, string Affiliation, string? Orcid, Guid By, DateTimeOffset At) : IHistoricalFact;

/// <summary>Kept apart from <see cref="AccountRegistered"/> so that the history can leave password facts out.</summary>
public sealed record PasswordSet(Guid Account, string PasswordHash, Guid By, DateTimeOffset At) : IHistoricalFact;

/// <summary>A person's account: who they are and how they sign in.</summary>
public sealed record Account(Guid Id, string Name, string Email, string Affiliation, string? Orcid, string PasswordHash, DateTimeOffset RegisteredAt)
{
    public long Version { get; init; }

    internal static Account Begin(AccountRegistered f) => new(f.Account, f.Name, f.Email, f.Affiliation, f.Orcid, "", f.At);

    internal Account When(PasswordSet f) => this with { PasswordHash = f.PasswordHash };

    /// <summary>One step of the fold, for every store.</summary>
    public static Account? Fold(Account? state, object fact) => (state, fact) switch
    {
        (null, AccountRegistered f) => Begin(f),
        ({ } a, PasswordSet f) => a.When(f),
        _ => state
    };

    public static readonly IReadOnlyList<Type> FactTypes = [typeof(AccountRegistered), typeof(PasswordSet)];
}
