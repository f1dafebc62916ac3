using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;

namespace EditorialPortal.People;

/// <summary>The outcome of a sign-in: the account, or what to tell the person.</summary>
public sealed record SignInResult(Account? Account, string? Problem)
{
    public static readonly SignInResult WrongCredentials = new(null, "The email address or password is not right.");
}

/// <summary>
/// Account work that needs more than the record: hashing passwords and telling apart who may learn what. Everything it
/// decides goes through the editorial desk as commands, whose mail the desk queues with the facts.
/// </summary>
/// <param name="steadyAnswer">
/// The least time registering and asking for a reset take, whatever the address: with the mail left to the outbox, the
/// work behind them is well inside it, so that nobody can time an answer to learn who has an account.
/// </param>
public sealed class AccountService(IEditorialDesk desk, IAccountQueries accounts, AccountLinks links, TimeProvider clock, TimeSpan steadyAnswer)
{
    /// <summary>How long registering and asking for a reset take at least, unless configured otherwise.</summary>
    public static readonly TimeSpan SteadyAnswer = TimeSpan.FromMilliseconds(250);

    /// <summary>Registers an account; for an address that has one, the holder is told instead and the answer is the same.</summary>
    public async Task<CommandOutcome> Register(string name, string email, string affiliation, string? orcid, string password)
    {
        if (PasswordPolicy.Check(password) is { Count: > 0 } weak) return new CommandOutcome.Refused(new Refusal.Invalid(weak));
        var registration = new RegisterAccount(name, email, affiliation, orcid, Passwords.Hash(password), Guid.NewGuid());
        return await Steadily(async () =>
        {
            var account = Guid.CreateVersion7();
            if (!EmailAddress.IsPlausible(email.Trim()) || await accounts.FindByEmail(email) is not { } holder)
                return await desk.Execute(account, registration, Actor.Anonymous);
            var noted = await desk.Execute(holder.Id, new NoteRegistrationAttempt(registration), Actor.Anonymous);
            return noted is CommandOutcome.Refused { Refusal: Refusal.Invalid } ? noted : new CommandOutcome.Accepted(account, 0, []);
        });
    }

    public async Task<CommandOutcome> ConfirmEmail(string token) => links.ReadConfirmation(token) is (var account, var request)
        ? await desk.Execute(account, new ConfirmEmail(request), Actor.Anonymous)
        : new CommandOutcome.Refused(new Refusal.Invalid("token", AccountDecider.ConfirmationLinkDead));

    /// <param name="fromKnownBrowser">Whether the browser has signed in as this person before: guessing elsewhere does not slow it.</param>
    public async Task<SignInResult> SignIn(string email, string password, Func<Guid, bool>? fromKnownBrowser = null)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return SignInResult.WrongCredentials;
        // Attempts race each other on the account's stream; each is decided again on the latest state.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var account = await accounts.FindByEmail(email);
            var matches = Passwords.Matches(account, password);
            if (account is null) return SignInResult.WrongCredentials;
            switch (await desk.Execute(account.Id, new SignIn(matches, fromKnownBrowser?.Invoke(account.Id) == true), Actor.Anonymous))
            {
                case CommandOutcome.Accepted { Facts: var facts } when facts.Any(f => f is SignedIn):
                    return new SignInResult(account, null);
                case CommandOutcome.Accepted:
                    return SignInResult.WrongCredentials;
                case CommandOutcome.Refused { Refusal: Refusal.ConcurrentChange }:
                    continue;
                case CommandOutcome.Refused { Refusal: Refusal.NotAllowedInState { State: "unconfirmed" } }:
                    // Someone who knows the password but never confirmed gets a fresh link rather than a dead end.
                    await desk.Execute(account.Id, new RequestEmailConfirmation(Guid.NewGuid()), Actor.Anonymous);
                    return new SignInResult(null, $"Confirm your email address first: we have sent a new confirmation link to {account.Email}.");
                case CommandOutcome.Refused { Refusal: Refusal.NotAllowedInState slowed }:
                    return new SignInResult(null, $"You cannot sign in just now: {slowed.Reason}.");
                case CommandOutcome.Refused refused:
                    return new SignInResult(null, refused.Refusal.Message);
            }
        }
        return new SignInResult(null, "Too many sign-ins at once for this account. Please try again.");
    }

    /// <summary>Mails a reset link if there is such an account. The answer is the same either way, so nobody learns who has an account.</summary>
    public Task RequestPasswordReset(string email) => Steadily(async () =>
    {
        if (!string.IsNullOrWhiteSpace(email) && await accounts.FindByEmail(email) is { } account)
            await desk.Execute(account.Id, new RequestPasswordReset(Guid.NewGuid()), Actor.Anonymous);
        return 0;
    });

    public async Task<CommandOutcome> ResetPassword(string token, string newPassword)
    {
        if (PasswordPolicy.Check(newPassword) is { Count: > 0 } weak) return new CommandOutcome.Refused(new Refusal.Invalid(weak));
        return links.ReadReset(token) is (var account, var request)
            ? await desk.Execute(account, new ResetPassword(request, Passwords.Hash(newPassword)), Actor.Anonymous)
            : new CommandOutcome.Refused(new Refusal.Invalid("token", AccountDecider.ResetLinkDead));
    }

    public async Task<CommandOutcome> ChangePassword(Actor actor, string currentPassword, string newPassword)
    {
        if (PasswordPolicy.Check(newPassword, "newPassword") is { Count: > 0 } weak) return new CommandOutcome.Refused(new Refusal.Invalid(weak));
        var matches = Passwords.Matches(await accounts.Find(actor.Account), currentPassword);
        return await desk.Execute(actor.Account, new ChangePassword(matches, Passwords.Hash(newPassword)), actor);
    }

    /// <summary>Creates a personal access token; the token itself is returned this once and never stored.</summary>
    /// <param name="expiresAt">When it stops working by itself; null for a token that works until revoked.</param>
    public async Task<(CommandOutcome Outcome, string? Token)> CreateAccessToken(Actor actor, string name, DateTimeOffset? expiresAt = null)
    {
        var (token, tokenHash) = Passwords.NewToken(AccessTokenPrefix);
        var outcome = await desk.Execute(actor.Account, new CreateAccessToken(Guid.CreateVersion7(), name, tokenHash, expiresAt), actor);
        return (outcome, outcome is CommandOutcome.Accepted ? token : null);
    }

    public const string AccessTokenPrefix = "ep_";

    /// <summary>The account whose token this is, while the token works: neither revoked nor expired.</summary>
    public async Task<Account?> AccountForAccessToken(string token)
    {
        var digest = Passwords.Digest(token);
        var account = await accounts.FindByAccessToken(digest);
        return account?.AccessTokens.Any(t => t.TokenHash == digest && t.WorksAt(clock.GetUtcNow())) == true ? account : null;
    }

    private async Task<T> Steadily<T>(Func<Task<T>> work)
    {
        // Wall-clock time, not the portal's clock: what is hidden is how long the answer took.
        var floor = Task.Delay(steadyAnswer);
        var result = await work();
        await floor;
        return result;
    }
}
