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

    protected Task<Person> NewEditor(string name, JournalRef journal) => NewStaff(name, journal, JournalRole.EditorInChief);

    protected Task<Person> NewJournalAdministrator(string name, JournalRef journal) => NewStaff(name, journal, JournalRole.JournalAdministrator);

    /// <summary>Someone with an account and no role anywhere, signed in.</summary>
    protected Task<Person> NewPerson(string name) => NewAuthor(name);

    protected Task<Person> NewStaffMember(string name, JournalRef journal, JournalRole role) => NewStaff(name, journal, role);

    private async Task<Person> NewStaff(string name, JournalRef journal, JournalRole role)
    {
        var account = await Backstage.NewAccount(name);
        await Backstage.Grant(journal, account, role);
        return await SignIn(account);
    }

    /// <summary>Someone at the portal who has not signed in.</summary>
    protected Visitor Visitor() => new(protocol, Person);

    /// <summary>Someone reading the journals' public site.</summary>
    protected Reader Reader() => new(protocol);

    private Person Person(PersonAccount account, IEditorialAbility ability)
    {
        _abilities.Add(ability);
        return new Person(account, ability);
    }

    private async Task<Person> SignIn(PersonAccount account) => await Visitor().CanSignIn(account);

    /// <summary>Signs the person in again, as after a long absence when their session has ended.</summary>
    protected Task<Person> SignInAgain(Person person) => SignIn(person.Account);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The mail that has reached the person.</summary>
    protected Task<IReadOnlyList<SeenMail>> Mailbox(Person person) => Mailbox(person.Account.Email);

    protected Task<IReadOnlyList<SeenMail>> Mailbox(string email) => protocol.Mailbox(email);

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var ability in _abilities) await ability.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
