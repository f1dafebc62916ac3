namespace EditorialPortal.Domain.People;

/// <summary>
/// A command on one account. Passwords and tokens never reach the record in clear: the adapter hashes them,
/// and tells the decider only whether a password matched.
/// </summary>
public abstract record AccountCommand;

public sealed record RegisterAccount(string Name, string Email, string Affiliation, string? Orcid, string PasswordHash, string? ConfirmationTokenHash = null) : AccountCommand;

public sealed record ConfirmEmail(string TokenHash) : AccountCommand;

/// <summary>Sends a fresh confirmation link, replacing any earlier one.</summary>
public sealed record RequestEmailConfirmation(string TokenHash) : AccountCommand;

/// <summary>A sign-in attempt, with whether the password given matched the stored hash.</summary>
public sealed record SignIn(bool PasswordMatches) : AccountCommand;

public sealed record ChangeProfile(string Name, string Affiliation, string? Orcid) : AccountCommand;

public sealed record ChangePassword(bool CurrentPasswordMatches, string NewPasswordHash) : AccountCommand;

public sealed record RequestPasswordReset(string TokenHash) : AccountCommand;

public sealed record ResetPassword(string TokenHash, string NewPasswordHash) : AccountCommand;

public sealed record CreateAccessToken(Guid Token, string Name, string TokenHash) : AccountCommand;

public sealed record RevokeAccessToken(Guid Token) : AccountCommand;

public sealed record AppointSystemAdministrator : AccountCommand;

public sealed record DeclareExpertise(IReadOnlyList<string> Keywords) : AccountCommand;
