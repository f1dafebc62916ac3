using EditorialPortal.Domain.People;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace EditorialPortal.People;

/// <summary>
/// An open page keeps its sign-in from when it connected; this checks it again every so often, so that a page left open in
/// another browser stops acting as the person soon after their password changes.
/// </summary>
public sealed class SignInRevalidation(ILoggerFactory loggerFactory, IAccountQueries accounts) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.ToActor() is not { } actor || SignInStamps.StillHolds(authenticationState.User, await accounts.Find(actor.Account));
}
