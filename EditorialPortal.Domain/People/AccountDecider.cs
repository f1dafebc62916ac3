using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.People;

public static class AccountDecider
{
    /// <param name="emailTaken">Whether another account already uses the command's email address.</param>
    public static Decision Decide(Guid account, AccountCommand command, Account? state, bool emailTaken, Actor actor, DateTimeOffset now) =>
        (command, state) switch
        {
            (RegisterAccount, not null) => new Refusal.NotAllowedInState("register an account", "registered", "this account exists already"),
            (RegisterAccount register, null) => Register(account, register, emailTaken, actor, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown account command")
        };

    private static Decision Register(Guid account, RegisterAccount c, bool emailTaken, Actor actor, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new("name", "Enter your name."));
        if (!EmailAddress.IsPlausible(c.Email.Trim())) errors.Add(new("email", "Enter an email address such as name@university.edu."));
        else if (emailTaken) errors.Add(new("email", "An account with this email address exists already."));
        string? orcid = null;
        if (!string.IsNullOrWhiteSpace(c.Orcid) && (orcid = Orcid.Normalise(c.Orcid)) is null)
            errors.Add(new("orcid", "This is not a valid ORCID iD (its check digit does not match)."));
        if (string.IsNullOrEmpty(c.PasswordHash)) errors.Add(new("password", "Choose a password."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);

        return Decision.Record(
            new AccountRegistered(account, c.Name.Trim(), EmailAddress.Normalise(c.Email), c.Affiliation.Trim(), orcid, actor.Account, now),
            new PasswordSet(account, c.PasswordHash, actor.Account, now));
    }
}
