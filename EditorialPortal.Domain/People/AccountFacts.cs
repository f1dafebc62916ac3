using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.People;

/// <summary>A fact of an account's stream: the person, how they sign in, and what guards it.</summary>
public interface IAccountFact : IHistoricalFact;

public sealed record AccountRegistered(Guid Account, string Name, string Email, string Affiliation, string? Orcid, Guid By, DateTimeOffset At) : IAccountFact;

/// <summary>Kept apart from <see cref="AccountRegistered"/> so that the history can leave password facts out.</summary>
public sealed record PasswordSet(Guid Account, string PasswordHash, Guid By, DateTimeOffset At) : IAccountFact;

/// <summary>
/// A confirmation link is on its way. The link names this request and is signed when its mail leaves; nothing that
/// would let someone make the link is kept.
/// </summary>
public sealed record EmailConfirmationRequested(Guid Account, Guid Request, DateTimeOffset ExpiresAt, Guid By, DateTimeOffset At) : IAccountFact;

public sealed record EmailConfirmed(Guid Account, Guid By, DateTimeOffset At) : IAccountFact;

public sealed record SignedIn(Guid Account, Guid By, DateTimeOffset At) : IAccountFact;

public sealed record SignInFailed(Guid Account, int FailuresInARow, Guid By, DateTimeOffset At) : IAccountFact;

/// <summary>How wrong passwords were once answered: a lock for a quarter of an hour. Sign-ins are slowed now instead; old records keep it.</summary>
public sealed record AccountLockedOut(Guid Account, DateTimeOffset Until, Guid By, DateTimeOffset At) : IAccountFact;

public sealed record ProfileChanged(Guid Account, string Name, string Affiliation, string? Orcid, Guid By, DateTimeOffset At) : IAccountFact;

/// <summary>A password reset link is on its way; like a confirmation link, it names this request and is signed as its mail leaves.</summary>
public sealed record PasswordResetRequested(Guid Account, Guid Request, DateTimeOffset ExpiresAt, Guid By, DateTimeOffset At) : IAccountFact;

/// <summary>
/// Someone tried to register a new account with this account's address. The form answered as for a new address, so that
/// nobody learns who has an account here; the holder is told instead.
/// </summary>
public sealed record RegistrationWithAddressAttempted(Guid Account, Guid By, DateTimeOffset At) : IAccountFact;

/// <param name="ExpiresAt">When the token stops working by itself; null for a token that works until revoked.</param>
public sealed record AccessTokenCreated(Guid Account, Guid Token, string Name, string TokenHash, Guid By, DateTimeOffset At, DateTimeOffset? ExpiresAt = null) : IAccountFact;

public sealed record AccessTokenRevoked(Guid Account, Guid Token, Guid By, DateTimeOffset At) : IAccountFact;

public sealed record SystemAdministratorAppointed(Guid Account, Guid By, DateTimeOffset At) : IAccountFact;

public sealed record ExpertiseDeclared(Guid Account, IReadOnlyList<string> Keywords, Guid By, DateTimeOffset At) : IAccountFact;
