using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Notifications;

namespace EditorialPortal.People;

/// <summary>The outcome of a sign-in: the account, or what to tell the person.</summary>
public sealed record SignInResult(Account? Account, string? Problem)
{
    public static readonly SignInResult WrongCredentials = new(null, "The email address or password is not right.");
}

/// <summary>
/// Account work that needs more than the record: hashing passwords, making one-time tokens, and mailing links.
/// Everything it decides goes through the editorial desk as commands.
/// </summary>
public sealed class AccountService(IEditorialDesk desk, IAccountQueries accounts, IPostOffice mail, PortalLinks links, ILogger<AccountService> logger)
{
    public async Task<CommandOutcome> Register(string name, string email, string affiliation, string? orcid, string password)
    {
        if (PasswordPolicy.Check(password) is { Count: > 0 } weak) return new CommandOutcome.Refused(new Refusal.Invalid(weak));
        var account = Guid.CreateVersion7();
        var (token, tokenHash) = Passwords.NewToken();
        var outcome = await desk.Execute(account, new RegisterAccount(name, email, affiliation, orcid, Passwords.Hash(password), tokenHash), Actor.Anonymous);
        if (outcome is CommandOutcome.Accepted)
            await MailConfirmationLink(account, name.Trim(), EmailAddress.Normalise(email), token);
        return outcome;
    }

    private Task MailConfirmationLink(Guid account, string name, string email, string token) =>
        Mail(new OutgoingMail(email, name, "Confirm your email address for EditorialPortal",
            $"""
            Dear {name},

            To finish creating your EditorialPortal account, confirm your email address by opening this link:

            {links.To($"account/confirm?account={account}&token={token}")}

            The link works for {AccountRules.ConfirmationLinkLifetime.TotalDays:0} days. If you did not register, ignore this message.
            """));

    // Someone who knows the password but never confirmed gets a fresh link rather than a dead end.
    private async Task<SignInResult> SendNewConfirmationLink(Account account)
    {
        var (token, tokenHash) = Passwords.NewToken();
        if (await desk.Execute(account.Id, new RequestEmailConfirmation(tokenHash), Actor.Anonymous) is CommandOutcome.Accepted)
            await MailConfirmationLink(account.Id, account.Name, account.Email, token);
        return new SignInResult(null, $"Confirm your email address first: we have sent a new confirmation link to {account.Email}.");
    }

    public Task<CommandOutcome> ConfirmEmail(Guid account, string token) =>
        desk.Execute(account, new ConfirmEmail(Passwords.Digest(token)), Actor.Anonymous);

    public async Task<SignInResult> SignIn(string email, string password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return SignInResult.WrongCredentials;
        // Attempts race each other on the account's stream; each is decided again on the latest state.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var account = await accounts.FindByEmail(email);
            var matches = Passwords.Matches(account, password);
            if (account is null) return SignInResult.WrongCredentials;
            switch (await desk.Execute(account.Id, new SignIn(matches), Actor.Anonymous))
            {
                case CommandOutcome.Accepted { Facts: var facts } when facts.Any(f => f is SignedIn):
                    return new SignInResult(account, null);
                case CommandOutcome.Accepted { Facts: var facts } when facts.Any(f => f is AccountLockedOut):
                    return new SignInResult(null, $"The email address or password is not right. After {AccountRules.SignInFailuresBeforeLockout} wrong passwords in a row the account is locked for {AccountRules.LockoutDuration.TotalMinutes:0} minutes.");
                case CommandOutcome.Accepted:
                    return SignInResult.WrongCredentials;
                case CommandOutcome.Refused { Refusal: Refusal.ConcurrentChange }:
                    continue;
                case CommandOutcome.Refused { Refusal: Refusal.NotAllowedInState { State: "unconfirmed" } }:
                    return await SendNewConfirmationLink(account);
                case CommandOutcome.Refused { Refusal: Refusal.NotAllowedInState locked }:
                    return new SignInResult(null, $"You cannot sign in now: {locked.Reason}.");
                case CommandOutcome.Refused refused:
                    return new SignInResult(null, refused.Refusal.Message);
            }
        }
        return new SignInResult(null, "Too many sign-ins at once for this account. Please try again.");
    }

    /// <summary>Mails a reset link if there is such an account. The answer is the same either way, so nobody learns who has an account.</summary>
    public async Task RequestPasswordReset(string email)
    {
        var account = string.IsNullOrWhiteSpace(email) ? null : await accounts.FindByEmail(email);
        if (account is null) return;
        var (token, tokenHash) = Passwords.NewToken();
        if (await desk.Execute(account.Id, new RequestPasswordReset(tokenHash), Actor.Anonymous) is CommandOutcome.Accepted)
            await Mail(new OutgoingMail(account.Email, account.Name, "Reset your EditorialPortal password",
                $"""
                Dear {account.Name},

                Someone asked to reset the password of your EditorialPortal account. To choose a new password, open this link:

                {links.To($"account/reset-password?account={account.Id}&token={token}")}

                The link works once, for {AccountRules.ResetLinkLifetime.TotalMinutes:0} minutes. If you did not ask for it, ignore this message: your password stays as it is.
                """));
    }

    public async Task<CommandOutcome> ResetPassword(Guid account, string token, string newPassword)
    {
        if (PasswordPolicy.Check(newPassword) is { Count: > 0 } weak) return new CommandOutcome.Refused(new Refusal.Invalid(weak));
        return await desk.Execute(account, new ResetPassword(Passwords.Digest(token), Passwords.Hash(newPassword)), Actor.Anonymous);
    }

    public async Task<CommandOutcome> ChangePassword(Actor actor, string currentPassword, string newPassword)
    {
        if (PasswordPolicy.Check(newPassword, "newPassword") is { Count: > 0 } weak) return new CommandOutcome.Refused(new Refusal.Invalid(weak));
        var matches = Passwords.Matches(await accounts.Find(actor.Account), currentPassword);
        return await desk.Execute(actor.Account, new ChangePassword(matches, Passwords.Hash(newPassword)), actor);
    }

    /// <summary>Creates a personal access token; the token itself is returned this once and never stored.</summary>
    public async Task<(CommandOutcome Outcome, string? Token)> CreateAccessToken(Actor actor, string name)
    {
        var (token, tokenHash) = Passwords.NewToken(AccessTokenPrefix);
        var outcome = await desk.Execute(actor.Account, new CreateAccessToken(Guid.CreateVersion7(), name, tokenHash), actor);
        return (outcome, outcome is CommandOutcome.Accepted ? token : null);
    }

    public const string AccessTokenPrefix = "ep_";

    public Task<Account?> AccountForAccessToken(string token) => accounts.FindByAccessToken(Passwords.Digest(token));

    // The command has committed; a mail that fails to leave is logged for staff, and the person can ask again.
    private async Task Mail(OutgoingMail message)
    {
        try
        {
            await mail.Send(message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not send \"{Subject}\" to {To}", message.Subject, message.ToAddress);
        }
    }
}
