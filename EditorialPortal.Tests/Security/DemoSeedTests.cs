using EditorialPortal.Demo;
using EditorialPortal.Domain.People;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Security;

/// <summary>The demo journal and its sign-ins exist only where they are asked for: in Development, which ./run.sh uses.</summary>
public sealed class DemoSeedTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(bool DemoPeopleExist, string SignInPage)> Started(string environment)
    {
        await using var portal = new PortalFactory(await fixture.Postgres.NewDatabase("seed"), fixture.Mail, new TestClock()) { Environment = environment, SeedDemo = null };
        using var client = portal.CreateClient();
        var page = await (await client.GetAsync("/signin", Token)).Content.ReadAsStringAsync(Token);
        var accounts = portal.Services.GetRequiredService<IAccountQueries>();
        var sam = DemoJournal.People.Single(p => p.Email.StartsWith("sam@", StringComparison.Ordinal));
        return (await accounts.FindByEmail(sam.Email) is not null, page);
    }

    [Fact]
    public async Task A_production_start_creates_no_demo_people_and_the_sign_in_page_lists_none()
    {
        var (exist, page) = await Started("Production");
        Assert.False(exist);
        Assert.DoesNotContain("Demo sign-ins", page);
        Assert.DoesNotContain(DemoJournal.Password, page);
    }

    [Fact]
    public async Task A_development_start_seeds_the_demo_journal_and_lists_its_people()
    {
        var (exist, page) = await Started("Development");
        Assert.True(exist);
        Assert.Contains("Demo sign-ins", page);
    }
}
