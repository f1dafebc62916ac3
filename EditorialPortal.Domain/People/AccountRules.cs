namespace EditorialPortal.Domain.People;

public static class AccountRules
{
    public const int SignInFailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ConfirmationLinkLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);
    public const int AccessTokensMax = 20;
}
