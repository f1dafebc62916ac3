using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.People;

public sealed record AccountRegistered(Guid Account, string Name, string Email, string Affiliation, string? Orcid, Guid By, DateTimeOffset At) : IHistoricalFact;

/// <summary>Kept apart from <see cref="AccountRegistered"/> so that the history can leave password facts out.</summary>
public sealed record PasswordSet(Guid Account, string PasswordHash, Guid By, DateTimeOffset At) : IHistoricalFact;

/// <summary>A confirmation link was sent; only the SHA-256 of its one-time token is kept.</summary>
public sealed record EmailConfirmationRequested(Guid Account, string TokenHash, DateTimeOffset ExpiresAt, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record EmailConfirmed(Guid Account, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record SignedIn(Guid Account, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record SignInFailed(Guid Account, int FailuresInARow, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record AccountLockedOut(Guid Account, DateTimeOffset Until, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record ProfileChanged(Guid Account, string Name, string Affiliation, string? Orcid, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record PasswordResetRequested(Guid Account, string TokenHash, DateTimeOffset ExpiresAt, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record AccessTokenCreated(Guid Account, Guid Token, string Name, string TokenHash, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record AccessTokenRevoked(Guid Account, Guid Token, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record SystemAdministratorAppointed(Guid Account, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record ExpertiseDeclared(Guid Account, IReadOnlyList<string> Keywords, Guid By, DateTimeOffset At) : IHistoricalFact;
