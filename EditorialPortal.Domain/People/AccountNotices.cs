using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.People;

/// <summary>
/// What a person is told about their own account, in the portal's words rather than a journal's. Mail is queued with the
/// facts, so that it leaves however the request was answered; a link that lets someone in is made only as its mail
/// leaves (<see cref="Link"/>), so that no secret enters the record.
/// </summary>
public static class AccountNotices
{
    /// <summary>Where the mail's confirmation or reset link goes, filled in when the mail leaves.</summary>
    public const string Link = "{account-link}";

    private const string Signature = "\n\nEditorialPortal";

    /// <param name="link">Makes an absolute address of a path in the portal.</param>
    public static IReadOnlyList<MailQueued> Compose(Guid commandId, IReadOnlyList<object> facts, Account? before, Func<string, string> link)
    {
        var queued = new List<MailQueued>();
        var state = before;
        foreach (var fact in facts)
        {
            state = Account.Fold(state, fact);
            if (state is null || fact is not IHistoricalFact happened || NoticeFor(happened, facts, link) is not { } notice) continue;
            queued.Add(new MailQueued(MailQueued.IdFor(commandId, queued.Count), notice.Kind, state.Id, state.Email, state.Name, notice.Subject,
                $"Dear {state.Name},\n\n{notice.Body}{Signature}", null, null, null, happened.By, happened.At, notice.LinkWorksUntil, notice.Request));
        }
        return queued;
    }

    private sealed record Notice(NoticeKind Kind, string Subject, string Body, DateTimeOffset? LinkWorksUntil = null, Guid? Request = null);

    private static Notice? NoticeFor(IHistoricalFact fact, IReadOnlyList<object> facts, Func<string, string> link) => fact switch
    {
        EmailConfirmationRequested f => new(NoticeKind.EmailConfirmation, "Confirm your email address for EditorialPortal",
            $"To finish creating your EditorialPortal account, confirm your email address by opening this link:\n\n{Link}\n\n" +
            $"The link works for {AccountRules.ConfirmationLinkLifetime.TotalDays:0} days. If you did not register, ignore this message.",
            f.ExpiresAt, f.Request),
        PasswordResetRequested f => new(NoticeKind.PasswordReset, "Reset your EditorialPortal password",
            $"Someone asked to reset the password of your EditorialPortal account. To choose a new password, open this link:\n\n{Link}\n\n" +
            $"The link works once, for {AccountRules.ResetLinkLifetime.TotalMinutes:0} minutes. If you did not ask for it, ignore this message: your password stays as it is.",
            f.ExpiresAt, f.Request),
        RegistrationWithAddressAttempted => new(NoticeKind.AddressAlreadyRegistered, "Someone tried to register with your email address",
            "Someone tried to register a new EditorialPortal account with this email address. It already belongs to your account, " +
            "so no new account was made, and the person at the form was told nothing about yours.\n\n" +
            $"If it was you, sign in at {link("/signin")}; if you have forgotten your password, choose a new one at {link("/account/forgot-password")}.\n\n" +
            "If it was not you, you need do nothing."),
        SignInFailed { FailuresInARow: AccountRules.FreeSignInFailures } f => new(NoticeKind.SignInsSlowed, "Wrong passwords were given for your EditorialPortal account",
            $"{f.FailuresInARow} wrong passwords in a row were given for your account, the last on {f.At:d MMMM yyyy} at {f.At:HH:mm} UTC. " +
            "Until the right one is given, every further try from a browser you have not signed in with waits a little, " +
            $"at most {AccountRules.LongestSignInWait.TotalMinutes:0} minute; from your own browsers you sign in as usual.\n\n" +
            $"If it was you, nothing needs doing. If it was not, your password has held; if it may be known to others, choose a new one at {link("/account/forgot-password")}."),
        // Setting the first password is part of registering, not news to anyone.
        PasswordSet f when !facts.OfType<AccountRegistered>().Any() => new(NoticeKind.PasswordChanged, "Your EditorialPortal password was changed",
            $"The password of your account was changed on {f.At:d MMMM yyyy} at {f.At:HH:mm} UTC, and every browser signed in as you was signed out.\n\n" +
            $"If you did not change it, choose a new password at once at {link("/account/forgot-password")}, and revoke your access tokens at {link("/account")}."),
        _ => null
    };
}
