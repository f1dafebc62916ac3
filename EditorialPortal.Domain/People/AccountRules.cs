namespace EditorialPortal.Domain.People;

public static class AccountRules
{
    /// <summary>Wrong passwords in a row that cost nothing; after them, sign-ins from new browsers are slowed.</summary>
    public const int FreeSignInFailures = 5;

    /// <summary>The longest a sign-in from a new browser ever waits, however long the guessing goes on.</summary>
    public static readonly TimeSpan LongestSignInWait = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after the last wrong password the next try from a new browser must wait: nothing for the first few, then
    /// a second, doubling to at most <see cref="LongestSignInWait"/>. Guessing slows to one try a minute, while the holder,
    /// from a browser they have signed in with, is never held up, and from a new one waits a minute at most: nobody
    /// outside can lock anyone out.
    /// </summary>
    public static TimeSpan SignInWait(int failuresInARow) => failuresInARow < FreeSignInFailures
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failuresInARow - FreeSignInFailures), LongestSignInWait.TotalSeconds));

    /// <summary>How often at most the holder hears that someone tried to register with their address.</summary>
    public static readonly TimeSpan RegistrationAttemptNoticeInterval = TimeSpan.FromHours(1);

    public static readonly TimeSpan ConfirmationLinkLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);
    public const int AccessTokensMax = 20;

    /// <summary>The longest an access token may be made to work for, when it is given an expiry date.</summary>
    public static readonly TimeSpan LongestAccessTokenLifetime = TimeSpan.FromDays(366);
}
