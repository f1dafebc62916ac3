using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Journals;

public sealed class JournalAndAccountDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Actor Ada = new(Guid.Parse("00000000-0000-0000-0000-0000000000ad"), "Ada Admin", "ada@press.org");
    private static readonly Actor Bob = new(Guid.Parse("00000000-0000-0000-0000-000000000b0b"), "Bob Brown", "bob@eth.ch");

    private static Journal Created(params IHistoricalFact[] more) =>
        more.Aggregate(Journal.Fold(null, new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now))!, (j, f) => Journal.Fold(j, f)!);

    [Fact]
    public void The_system_administrator_creates_a_journal() =>
        Assert.IsType<JournalCreated>(Assert.Single(JournalDecider.Decide(JournalId, new CreateJournal("Journal of Tests", null, "", [ManuscriptType.ResearchArticle]), null, Actor.System, Now).Facts));

    [Fact]
    public void A_person_cannot_create_a_journal() =>
        Assert.IsType<Refusal.NotAuthorised>(JournalDecider.Decide(JournalId, new CreateJournal("Mine", null, "", [ManuscriptType.ResearchArticle]), null, Bob, Now).Refusal);

    [Fact]
    public void A_journal_needs_a_title_and_a_manuscript_type()
    {
        var refusal = Assert.IsType<Refusal.Invalid>(JournalDecider.Decide(JournalId, new CreateJournal(" ", null, "", []), null, Actor.System, Now).Refusal);
        Assert.Equal(["manuscriptTypes", "title"], refusal.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void A_journal_administrator_grants_roles_and_a_stranger_cannot()
    {
        var journal = Created(new JournalRoleGranted(JournalId, Ada.Account, JournalRole.JournalAdministrator, Guid.Empty, Now));
        var granted = Assert.IsType<JournalRoleGranted>(Assert.Single(JournalDecider.Decide(JournalId, new GrantJournalRole(Bob.Account, JournalRole.Reviewer), journal, Ada, Now).Facts));
        Assert.Equal((Bob.Account, JournalRole.Reviewer), (granted.Account, granted.Role));
        Assert.IsType<Refusal.NotAuthorised>(JournalDecider.Decide(JournalId, new GrantJournalRole(Bob.Account, JournalRole.EditorInChief), journal, Bob, Now).Refusal);
    }

    [Fact]
    public void Granting_a_role_held_already_records_nothing()
    {
        var journal = Created(new JournalRoleGranted(JournalId, Bob.Account, JournalRole.Reviewer, Guid.Empty, Now));
        Assert.Empty(JournalDecider.Decide(JournalId, new GrantJournalRole(Bob.Account, JournalRole.Reviewer), journal, Actor.System, Now).Facts);
    }

    [Fact]
    public void Registering_an_account_records_the_person_and_their_password_hash_apart()
    {
        var decision = AccountDecider.Decide(Bob.Account, new RegisterAccount("Bob Brown", " Bob@ETH.ch ", "ETH Zürich", "0000-0002-1825-0097", "hash"), null, false, Actor.System, Now);
        Assert.Equal(
            [new AccountRegistered(Bob.Account, "Bob Brown", "bob@eth.ch", "ETH Zürich", "0000-0002-1825-0097", Guid.Empty, Now), new PasswordSet(Bob.Account, "hash", Guid.Empty, Now)],
            decision.Facts);
    }

    [Fact]
    public void An_email_address_belongs_to_one_account() =>
        Assert.Equal("email", Assert.Single(Assert.IsType<Refusal.Invalid>(
            AccountDecider.Decide(Bob.Account, new RegisterAccount("Bob", "bob@eth.ch", "", null, "hash"), null, true, Actor.System, Now).Refusal).Errors).Field);
}
