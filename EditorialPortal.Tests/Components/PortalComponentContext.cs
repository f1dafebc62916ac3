using System.Security.Claims;
using Bunit;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Submissions;
using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace EditorialPortal.Tests.Components;

/// <summary>A bUnit context with MudBlazor's services, the in-memory record behind the ports, and a signed-in person.</summary>
public abstract class PortalComponentContext : BunitContext
{
    protected PortalComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IEditorialDesk>(Record);
        Services.AddSingleton<ISubmissionQueries>(Record);
        Services.AddSingleton<IJournalQueries>(Record);
        Services.AddSingleton<IAccountQueries>(Record);
        Services.AddSingleton<Domain.Production.IProductionQueries>(Record);
        Services.AddSingleton<IManuscriptFileStore>(Files);
        Services.AddSingleton<ManuscriptIntake>();
        Backstage = new Backstage(Record, new TestClock());
        _authorization = AddAuthorization();
    }

    private readonly Bunit.TestDoubles.BunitAuthorizationContext _authorization;
    private bool _popoversReady;

    protected InMemoryEditorialRecord Record { get; } = new(TimeProvider.System);
    protected InMemoryFileStore Files { get; } = new();
    protected Backstage Backstage { get; }

    protected Actor SignIn(PersonAccount person)
    {
        _authorization.SetAuthorized(person.Name);
        _authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new Claim(ClaimTypes.Name, person.Name),
            new Claim(ClaimTypes.Email, person.Email));
        if (!_popoversReady)
        {
            Render<MudPopoverProvider>();
            _popoversReady = true;
        }
        return new Actor(person.Id, person.Name, person.Email);
    }
}
