using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.People;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>Arranges what a scenario needs before anyone acts, through the same desk and commands the portal uses.</summary>
/// <param name="tamper">Changes the first fact of a type in a stream behind the portal's back, as someone with access to the store could, and answers its version.</param>
public sealed class Backstage(IEditorialDesk desk, TestClock clock, Func<Task>? reminderRound = null, Func<Guid, string, Task<long>>? tamper = null)
{
    public const string Password = "correct horse battery staple";

    public async Task<JournalRef> NewJournal(string? title = null, ReviewMode mode = ReviewMode.SingleBlind)
    {
        var id = Guid.CreateVersion7();
        title ??= $"Journal of Scenario {id.ToString()[^6..]}";
        Expect(await desk.Execute(id, new CreateJournal(title, null, "A journal made for one scenario.",
            [ManuscriptType.ResearchArticle, ManuscriptType.ShortCommunication], mode), Actor.System));
        return new JournalRef(id, title);
    }

    /// <summary>Edits the recorded fact of type <typeparamref name="TFact"/> in the submission's stream, out of the portal's sight; answers its version.</summary>
    public Task<long> TamperWith<TFact>(SubmissionRef submission) =>
        (tamper ?? throw new InvalidOperationException("This backstage cannot reach the store."))(submission.Id, typeof(TFact).Name);

    /// <summary>A confirmed account, as the portal itself registers them.</summary>
    public async Task<PersonAccount> NewAccount(string name)
    {
        var id = Guid.CreateVersion7();
        var email = UniqueEmail(name);
        Expect(await desk.Execute(id, new RegisterAccount(name, email, $"University of {name}", null, Passwords.Hash(Password)), Actor.System));
        return new PersonAccount(id, name, email, Password);
    }

    public async Task<PersonAccount> NewSystemAdministrator(string name)
    {
        var account = await NewAccount(name);
        Expect(await desk.Execute(account.Id, new AppointSystemAdministrator(), Actor.System));
        return account;
    }

    /// <summary>An address no other scenario uses, at a domain of its own, so that scenarios can share one portal and nobody looks like a colleague.</summary>
    public static string UniqueEmail(string name) =>
        $"{name.ToLowerInvariant().Replace(' ', '.')}@{Guid.NewGuid().ToString("N")[..10]}.example.org";

    public async Task Grant(JournalRef journal, PersonAccount person, JournalRole role) =>
        Expect(await desk.Execute(journal.Id, new GrantJournalRole(person.Id, role), Actor.System));

    public async Task Revoke(JournalRef journal, PersonAccount person, JournalRole role) =>
        Expect(await desk.Execute(journal.Id, new RevokeJournalRole(person.Id, role), Actor.System));

    /// <summary>Moves the portal's clock forward, as if that much time had passed.</summary>
    public void TimePasses(TimeSpan time) => clock.Advance(time);

    /// <summary>The portal's reminder round runs, as its background service does at every interval.</summary>
    public Task RemindersRun() => (reminderRound ?? throw new InvalidOperationException("This backstage runs no reminders."))();

    private static void Expect(CommandOutcome outcome)
    {
        if (outcome is CommandOutcome.Refused refused)
            throw new InvalidOperationException($"Could not arrange the scenario: {refused.Refusal.Message}");
    }
}
