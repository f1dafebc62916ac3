using EditorialPortal.Notifications;
using EditorialPortal.Review;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EditorialPortal.Tests.Hosting;

/// <summary>A portal started for a measurement can be kept from changing its record behind the benchmark's back.</summary>
public sealed class BackgroundServicesTests(PortalFixture fixture)
{
    private async Task<IReadOnlyList<Type>> HostedServices(bool? running)
    {
        var settings = running is { } on ? new Dictionary<string, string> { ["Portal:BackgroundServices"] = on ? "true" : "false" } : [];
        await using var portal = new PortalFactory(await fixture.Postgres.NewDatabase("background"), fixture.Mail, new TestClock()) { Settings = settings };
        return [.. portal.Services.GetServices<IHostedService>().Select(s => s.GetType())];
    }

    [Fact]
    public async Task The_reminders_and_the_outbox_run_unless_the_portal_is_told_not_to()
    {
        Assert.Contains(typeof(OutboxService), await HostedServices(null));
        Assert.Contains(typeof(ReminderService), await HostedServices(null));
        var off = await HostedServices(false);
        Assert.DoesNotContain(typeof(OutboxService), off);
        Assert.DoesNotContain(typeof(ReminderService), off);
    }
}
