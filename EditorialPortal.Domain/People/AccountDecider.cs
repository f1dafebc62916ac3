using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.People;

public static class AccountDecider
{
    public const string ConfirmationLinkDead = "This confirmation link has expired or is not right. Sign in with your password and we will send you a new one.";
    public const string ResetLinkDead = "This password reset link has expired or has been used. Ask for a new one.";

    /// <param name="emailTaken">Whether another account already uses the command's email address.</param>
    /// <param name="actorIsSystemAdministrator">From the acting person's account as it stands now.</param>
    public static Decision Decide(Guid account, AccountCommand command, Account? state, bool emailTaken, bool actorIsSystemAdministrator, Actor actor, DateTimeOffset now)
    {
        var standing = new Standing(actor.IsPerson, HoldsAccount: actor.Account == account, IsSystemAdministrator: actor.IsSystem || actorIsSystemAdministrator);
        if (Permissions.Check(command, actor, account, standing) is { } refusal) return refusal;

        return (command, state) switch
        {
            (RegisterAccount, not null) => new Refusal.NotAllowedInState("register an account", "registered", "this account exists already"),
            (RegisterAccount register, null) => Register(account, register, emailTaken, actor, now),
            (_, null) => new Refusal.NotAuthorised(actor.Account, Permissions.For(command).Action, account, "there is no such account"),
            (NoteRegistrationAttempt c, { } a) => RegistrationProblems(c.Attempt) is { } problems ? problems
                : a.RegistrationAttemptNoticedAt + AccountRules.RegistrationAttemptNoticeInterval > now ? Decision.NothingToRecord
                : Decision.Record(new RegistrationWithAddressAttempted(a.Id, actor.Account, now)),
            (ConfirmEmail c, { } a) => Confirm(a, c, actor, now),
            (RequestEmailConfirmation c, { } a) => a.EmailConfirmed
                ? Decision.NothingToRecord
                : Decision.Record(new EmailConfirmationRequested(a.Id, c.Request, now + AccountRules.ConfirmationLinkLifetime, actor.Account, now)),
            (SignIn c, { } a) => SignInAttempt(a, c, actor, now),
            (ChangeProfile c, { } a) => Profile(a, c, actor, now),
            (ChangePassword c, { } a) => c.CurrentPasswordMatches
                ? Decision.Record(new PasswordSet(a.Id, c.NewPasswordHash, actor.Account, now))
                : new Refusal.Invalid("currentPassword", "Your current password is not right."),
            (RequestPasswordReset c, { } a) => Decision.Record(new PasswordResetRequested(a.Id, c.Request, now + AccountRules.ResetLinkLifetime, actor.Account, now)),
            (ResetPassword c, { } a) => a.ResetRequest == c.Request && now < a.ResetExpiresAt
                ? Decision.Record(new PasswordSet(a.Id, c.NewPasswordHash, actor.Account, now))
                : new Refusal.Invalid("token", ResetLinkDead),
            (CreateAccessToken c, { } a) => CreateToken(a, c, actor, now),
            (RevokeAccessToken c, { } a) => a.AccessTokens.FirstOrDefault(t => t.Id == c.Token) is not { } token
                ? new Refusal.Invalid("token", "There is no such access token.")
                : token.RevokedAt is null ? Decision.Record(new AccessTokenRevoked(a.Id, c.Token, actor.Account, now)) : Decision.NothingToRecord,
            (RevokeAllAccessTokens, { } a) => Decision.Record([.. a.AccessTokens.Where(t => t.WorksAt(now)).Select(t => new AccessTokenRevoked(a.Id, t.Id, actor.Account, now))]),
            (AppointSystemAdministrator, { } a) => a.IsSystemAdministrator
                ? Decision.NothingToRecord
                : Decision.Record(new SystemAdministratorAppointed(a.Id, actor.Account, now)),
            (DeclareExpertise c, { } a) => Expertise(a, c, actor, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown account command")
        };
    }

    // What is wrong with a registration whatever the address: the same for a new address and a taken one.
    private static Refusal.Invalid? RegistrationProblems(RegisterAccount c)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new("name", "Enter your name."));
        else if (c.Name.Trim().Length > 200) errors.Add(new("name", "A name can have at most 200 characters."));
        if (!EmailAddress.IsPlausible(c.Email.Trim())) errors.Add(new("email", "Enter an email address such as name@university.edu."));
        if (c.Affiliation.Trim().Length > 300) errors.Add(new("affiliation", "An affiliation can have at most 300 characters."));
        if (!string.IsNullOrWhiteSpace(c.Orcid) && Orcid.Normalise(c.Orcid) is null)
            errors.Add(new("orcid", "This is not a valid ORCID iD (its check digit does not match)."));
        if (string.IsNullOrEmpty(c.PasswordHash)) errors.Add(new("password", "Choose a password."));
        return errors.Count > 0 ? new Refusal.Invalid(errors) : null;
    }

    private static Decision Register(Guid account, RegisterAccount c, bool emailTaken, Actor actor, DateTimeOffset now)
    {
        if (RegistrationProblems(c) is { } problems) return problems;
        // Only when two registrations with one new address race: the adapter notes an attempt on a taken address before this.
        if (emailTaken) return new Refusal.Invalid("email", "An account with this email address exists already.");
        var orcid = string.IsNullOrWhiteSpace(c.Orcid) ? null : Orcid.Normalise(c.Orcid);

        // People register themselves; only the portal registers others (the demo seed, tests).
        var by = actor.IsSystem ? actor.Account : account;
        var registered = new AccountRegistered(account, c.Name.Trim(), EmailAddress.Normalise(c.Email), c.Affiliation.Trim(), orcid, by, now);
        var password = new PasswordSet(account, c.PasswordHash, registered.By, now);
        // Accounts made by the portal itself (the demo seed, tests) need no confirmation; people confirm by the emailed link.
        return c.ConfirmationRequest is { } request
            ? Decision.Record(registered, password, new EmailConfirmationRequested(account, request, now + AccountRules.ConfirmationLinkLifetime, registered.By, now))
            : Decision.Record(registered, password, new EmailConfirmed(account, registered.By, now));
    }

    private static Decision Confirm(Account a, ConfirmEmail c, Actor actor, DateTimeOffset now)
    {
        if (a.EmailConfirmed) return Decision.NothingToRecord;
        return a.ConfirmationRequest == c.Request && now < a.ConfirmationExpiresAt
            ? Decision.Record(new EmailConfirmed(a.Id, actor.Account, now))
            : new Refusal.Invalid("token", ConfirmationLinkDead);
    }

    private static Decision SignInAttempt(Account a, SignIn c, Actor actor, DateTimeOffset now)
    {
        // Not even the password is weighed while the wait lasts: a guess then tells nothing.
        if (!c.FromKnownBrowser && a.NextSignInFromNewBrowserAt(now) is { } next)
            return new Refusal.NotAllowedInState("sign in", "slowed",
                $"after {a.FailedSignInsInARow} wrong passwords in a row, sign-ins to this account from a new browser wait a little between tries: try again in {Math.Ceiling((next - now).TotalSeconds):0} seconds");
        if (!c.PasswordMatches) return Decision.Record(new SignInFailed(a.Id, a.FailedSignInsInARow + 1, actor.Account, now));
        if (!a.EmailConfirmed)
            return new Refusal.NotAllowedInState("sign in", "unconfirmed", "confirm your email address first, with the link we sent you");
        return Decision.Record(new SignedIn(a.Id, actor.Account, now));
    }

    private static Decision Profile(Account a, ChangeProfile c, Actor actor, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new("name", "Enter your name."));
        else if (c.Name.Trim().Length > 200) errors.Add(new("name", "A name can have at most 200 characters."));
        if (c.Affiliation.Trim().Length > 300) errors.Add(new("affiliation", "An affiliation can have at most 300 characters."));
        string? orcid = null;
        if (!string.IsNullOrWhiteSpace(c.Orcid) && (orcid = Orcid.Normalise(c.Orcid)) is null)
            errors.Add(new("orcid", "This is not a valid ORCID iD (its check digit does not match)."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        var changed = new ProfileChanged(a.Id, c.Name.Trim(), c.Affiliation.Trim(), orcid, actor.Account, now);
        return (changed.Name, changed.Affiliation, changed.Orcid) == (a.Name, a.Affiliation, a.Orcid) ? Decision.NothingToRecord : Decision.Record(changed);
    }

    private static Decision CreateToken(Account a, CreateAccessToken c, Actor actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Trim().Length > 100)
            return new Refusal.Invalid("name", "Name the token (at most 100 characters), for example after the program that uses it.");
        if (c.ExpiresAt is { } expires && (expires <= now || expires > now + AccountRules.LongestAccessTokenLifetime))
            return new Refusal.Invalid("expiresAt", $"Choose an expiry date in the future and at most {AccountRules.LongestAccessTokenLifetime.TotalDays:0} days away, or none.");
        if (a.AccessTokens.Count(t => t.WorksAt(now)) >= AccountRules.AccessTokensMax)
            return new Refusal.Invalid("name", $"You have {AccountRules.AccessTokensMax} active tokens; revoke one first.");
        return Decision.Record(new AccessTokenCreated(a.Id, c.Token, c.Name.Trim(), c.TokenHash, actor.Account, now, c.ExpiresAt));
    }

    private static Decision Expertise(Account a, DeclareExpertise c, Actor actor, DateTimeOffset now)
    {
        var keywords = Submissions.SubmissionRules.TidyKeywords(c.Keywords);
        if (keywords.Count > 20 || keywords.Any(k => k.Length > 60))
            return new Refusal.Invalid("expertise", "Give at most 20 keywords of at most 60 characters each.");
        return keywords.SequenceEqual(a.Expertise) ? Decision.NothingToRecord : Decision.Record(new ExpertiseDeclared(a.Id, keywords, actor.Account, now));
    }
}
