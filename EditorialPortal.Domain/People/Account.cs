using EditorialPortal.Domain.Common;
namespace EditorialPortal.Domain.People;

/// <summary>A personal access token for the REST API; only its hash is kept.</summary>
public sealed record AccessToken(Guid Id, string Name, string TokenHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>Neither revoked nor past its expiry date.</summary>
    public bool WorksAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}

/// <summary>A person's account: who they are, how they sign in, and what guards it.</summary>
public sealed record Account(Guid Id, string Name, string Email, string Affiliation, string? Orcid, string PasswordHash, DateTimeOffset RegisteredAt) : IVersioned
{
    public long Version { get; init; }
    public bool EmailConfirmed { get; init; }
    /// <summary>The confirmation request whose link works now; an earlier link stops working when a new one is sent.</summary>
    public Guid? ConfirmationRequest { get; init; }
    public DateTimeOffset? ConfirmationExpiresAt { get; init; }
    public int FailedSignInsInARow { get; init; }
    public DateTimeOffset? LastFailedSignInAt { get; init; }
    public Guid? ResetRequest { get; init; }
    public DateTimeOffset? ResetExpiresAt { get; init; }
    public DateTimeOffset? RegistrationAttemptNoticedAt { get; init; }
    public IReadOnlyList<AccessToken> AccessTokens { get; init; } = [];
    public bool IsSystemAdministrator { get; init; }
    public IReadOnlyList<string> Expertise { get; init; } = [];

    /// <summary>When a sign-in from a new browser may next be tried; null when it may be tried now.</summary>
    public DateTimeOffset? NextSignInFromNewBrowserAt(DateTimeOffset now) =>
        LastFailedSignInAt + AccountRules.SignInWait(FailedSignInsInARow) is { } next && now < next ? next : null;

    internal static Account Begin(AccountRegistered f) => new(f.Account, f.Name, f.Email, f.Affiliation, f.Orcid, "", f.At);

    // A new password ends any reset in progress and any slowing of sign-ins: the person has proved who they are.
    internal Account When(PasswordSet f) =>
        this with { PasswordHash = f.PasswordHash, ResetRequest = null, ResetExpiresAt = null, FailedSignInsInARow = 0, LastFailedSignInAt = null };

    internal Account When(EmailConfirmationRequested f) => this with { ConfirmationRequest = f.Request, ConfirmationExpiresAt = f.ExpiresAt };

    internal Account When(EmailConfirmed _) => this with { EmailConfirmed = true, ConfirmationRequest = null, ConfirmationExpiresAt = null };

    internal Account When(SignedIn _) => this with { FailedSignInsInARow = 0, LastFailedSignInAt = null };

    internal Account When(SignInFailed f) => this with { FailedSignInsInARow = f.FailuresInARow, LastFailedSignInAt = f.At };

    // An old lock ended by itself after its quarter of an hour; the count started again then.
    internal Account When(AccountLockedOut _) => this with { FailedSignInsInARow = 0, LastFailedSignInAt = null };

    internal Account When(RegistrationWithAddressAttempted f) => this with { RegistrationAttemptNoticedAt = f.At };

    internal Account When(ProfileChanged f) => this with { Name = f.Name, Affiliation = f.Affiliation, Orcid = f.Orcid };

    internal Account When(PasswordResetRequested f) => this with { ResetRequest = f.Request, ResetExpiresAt = f.ExpiresAt };

    internal Account When(AccessTokenCreated f) => this with { AccessTokens = [.. AccessTokens, new AccessToken(f.Token, f.Name, f.TokenHash, f.At, null, f.ExpiresAt)] };

    internal Account When(AccessTokenRevoked f) =>
        this with { AccessTokens = [.. AccessTokens.Select(t => t.Id == f.Token ? t with { RevokedAt = f.At } : t)] };

    internal Account When(SystemAdministratorAppointed _) => this with { IsSystemAdministrator = true };

    internal Account When(ExpertiseDeclared f) => this with { Expertise = f.Keywords };

    /// <summary>One step of the fold, for every store.</summary>
    public static Account? Fold(Account? state, object fact) => (state, fact) switch
    {
        (null, AccountRegistered f) => Begin(f),
        ({ } a, PasswordSet f) => a.When(f),
        ({ } a, EmailConfirmationRequested f) => a.When(f),
        ({ } a, EmailConfirmed f) => a.When(f),
        ({ } a, SignedIn f) => a.When(f),
        ({ } a, SignInFailed f) => a.When(f),
        ({ } a, AccountLockedOut f) => a.When(f),
        ({ } a, ProfileChanged f) => a.When(f),
        ({ } a, PasswordResetRequested f) => a.When(f),
        ({ } a, RegistrationWithAddressAttempted f) => a.When(f),
        ({ } a, AccessTokenCreated f) => a.When(f),
        ({ } a, AccessTokenRevoked f) => a.When(f),
        ({ } a, SystemAdministratorAppointed f) => a.When(f),
        ({ } a, ExpertiseDeclared f) => a.When(f),
        _ => state
    };

    public static readonly IReadOnlyList<Type> FactTypes = FactKinds.Of<IAccountFact>();
}
