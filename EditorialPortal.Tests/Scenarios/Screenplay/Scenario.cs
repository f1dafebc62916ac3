using EditorialPortal.Domain.Journals;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>
/// A scenario in domain words, written once; each subclass runs it on one kind of actor (direct, HTTP, browser).
/// Every scenario works in its own journal, so they run in any order.
/// </summary>
public abstract class Scenario(IProtocol protocol) : IAsyncLifetime
{
    private readonly List<IEditorialAbility> _abilities = [];

    protected Backstage Backstage => protocol.Backstage;

    protected Task<JournalRef> NewJournal() => Backstage.NewJournal();

    protected async Task<Person> NewAuthor(string name)
    {
        var account = await Backstage.NewAccount(name);
        return await SignIn(account);
    }

    protected async Task<Person> NewEditor(string name, JournalRef journal)
    {
        var account = await Backstage.NewAccount(name);
        await Backstage.Grant(journal, account, JournalRole.EditorInChief);
        return await SignIn(account);
    }

    private async Task<Person> SignIn(PersonAccount account)
    {
        var ability = await protocol.SignIn(account);
        _abilities.Add(ability);
        return new Person(account, ability);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var ability in _abilities) await ability.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
