using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Desk;

/// <summary>The desk's guards are its own, not its store's: on PostgreSQL and in memory a command meets the same ones.</summary>
public sealed class OneDeskTests(PortalFixture fixture)
{
    public static TheoryData<string> Stores => ["postgres", "memory"];

    private IEditorialDesk Desk(string store) => store == "postgres"
        ? fixture.Portal.Services.GetRequiredService<IEditorialDesk>()
        : new InMemoryEditorialRecord(new TestClock());

    private static async Task<(Guid Account, Actor Person)> Registered(IEditorialDesk desk)
    {
        var id = Guid.CreateVersion7();
        var email = $"one.desk.{id:N}@example.org";
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(id, new RegisterAccount("Olga Onedesk", email, "", null, "hash"), Actor.System));
        return (id, new Actor(id, "Olga Onedesk", email));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_id_that_names_an_account_never_becomes_a_submission(string store)
    {
        var desk = Desk(store);
        var (account, olga) = await Registered(desk);
        var outcome = await desk.Execute(account, new StartSubmission(Guid.NewGuid(), ManuscriptType.ResearchArticle), olga);
        Assert.Equal("id", Assert.Single(Assert.IsType<Refusal.Invalid>(Assert.IsType<CommandOutcome.Refused>(outcome).Refusal).Errors).Field);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_command_from_a_version_since_moved_is_told_so_and_a_repeated_one_gets_its_first_outcome(string store)
    {
        var desk = Desk(store);
        var (account, olga) = await Registered(desk);
        var once = CommandOptions.New(3);
        var changed = Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(account, new ChangeProfile("Olga O. Onedesk", "", null), olga, once));

        Assert.Equal(changed with { Facts = [], Repeated = true }, await desk.Execute(account, new ChangeProfile("Olga O. Onedesk", "", null), olga, once));
        Assert.Equal(new Refusal.ConcurrentChange(3, 4),
            Assert.IsType<CommandOutcome.Refused>(await desk.Execute(account, new ChangeProfile("Olga Onedesk", "", null), olga, CommandOptions.New(3))).Refusal);
    }
}
