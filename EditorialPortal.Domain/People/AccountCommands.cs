using EditorialPortal.Domain.Common;
namespace EditorialPortal.Domain.People;

/// <summary>
/// A command on one account. Passwords and tokens never reach the record in clear: the adapter hashes them,
/// and tells the decider only whether a password matched.
/// </summary>
public abstract record AccountCommand : Command;

/// <param name="ConfirmationRequest">The request the confirmation link will name; null for accounts the portal makes itself.</param>
public sealed record RegisterAccount(string Name, string Email, string Affiliation, string? Orcid, string PasswordHash, Guid? ConfirmationRequest = null) : AccountCommand;

/// <summary>
/// A registration tried with the address of this account. Checked as a registration is, so that the answer is the same
/// as for a new address; the holder is told, at most once an hour.
/// </summary>
public sealed record NoteRegistrationAttempt(RegisterAccount Attempt) : AccountCommand;

/// <param name="Request">The request named by the confirmation link that was followed.</param>
public sealed record ConfirmEmail(Guid Request) : AccountCommand;

/// <summary>Sends a fresh confirmation link, replacing any earlier one.</summary>
public sealed record RequestEmailConfirmation(Guid Request) : AccountCommand;

/// <summary>A sign-in attempt, with whether the password given matched the stored hash.</summary>
/// <param name="FromKnownBrowser">Whether it comes from a browser the holder has signed in with before, which guessing elsewhere does not slow.</param>
public sealed record SignIn(bool PasswordMatches, bool FromKnownBrowser = false) : AccountCommand;

public sealed record ChangeProfile(string Name, string Affiliation, string? Orcid) : AccountCommand;

public sealed record ChangePassword(bool CurrentPasswordMatches, string NewPasswordHash) : AccountCommand;

public sealed record RequestPasswordReset(Guid Request) : AccountCommand;

/// <param name="Request">The request named by the reset link that was followed.</param>
public sealed record ResetPassword(Guid Request, string NewPasswordHash) : AccountCommand;

/// <param name="ExpiresAt">When the token stops working by itself; null for one that works until revoked.</param>
public sealed record CreateAccessToken(Guid Token, string Name, string TokenHash, DateTimeOffset? ExpiresAt = null) : AccountCommand;

public sealed record RevokeAccessToken(Guid Token) : AccountCommand;

/// <summary>Revokes every token still working, as someone does after changing a password they fear was known.</summary>
public sealed record RevokeAllAccessTokens : AccountCommand;

public sealed record AppointSystemAdministrator : AccountCommand;

public sealed record DeclareExpertise(IReadOnlyList<string> Keywords) : AccountCommand;
