using EditorialPortal.Domain.Common;
using EditorialPortal.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace EditorialPortal.Components.Shared;

/// <summary>A page that acts for the signed-in person.</summary>
public abstract class PortalComponent : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The signed-in person; pages that use it carry [Authorize], so there always is one.</summary>
    protected async Task<Actor> CurrentActor()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        return state?.User.ToActor() ?? throw new InvalidOperationException("This page requires a signed-in person.");
    }
}
