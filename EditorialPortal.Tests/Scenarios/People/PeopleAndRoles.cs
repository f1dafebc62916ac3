using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.People;

/// <summary>Accounts, sign-in and journal roles, as the people concerned meet them.</summary>
public abstract class PeopleAndRoles(IProtocol protocol) : Scenario(protocol)
{
    [Fact]
    public async Task A_person_registers_confirms_their_email_and_signs_in()
    {
        var visitor = Visitor();
        var email = Backstage.UniqueEmail("Nadia Novak");
        const string password = "tide tables at dawn";

        await visitor.CanRegister("Nadia Novak", email, password);
        await visitor.CannotSignIn(email, password, toldAbout: "confirm");
        await visitor.CanConfirmTheirEmailFromTheLinkMailedTo(email);

        var nadia = await visitor.CanSignIn(new PersonAccount(Guid.Empty, "Nadia Novak", email, password));
        await nadia.CanStartSubmission(await NewJournal(), Domain.Submissions.ManuscriptType.ResearchArticle);
    }

    [Fact]
    public async Task Wrong_passwords_slow_sign_ins_from_a_new_browser_and_tell_the_holder_but_never_lock_them_out()
    {
        var visitor = Visitor();
        var omar = await Backstage.NewAccount("Omar Okafor");

        // Each wrong password after the fifth waits out the pause the one before it earned: 1, 2, 4 and 8 seconds.
        for (var attempt = 1; attempt <= 9; attempt++)
        {
            Backstage.TimePasses(AccountRules.SignInWait(attempt - 1));
            await visitor.CannotSignIn(omar.Email, "not my password", toldAbout: "not right");
        }
        await visitor.CannotSignIn(omar.Email, omar.Password, toldAbout: "try again in");
        Assert.Single(await Mailbox(omar.Email), m => m.Subject == "Wrong passwords were given for your EditorialPortal account");

        Backstage.TimePasses(AccountRules.SignInWait(9));
        await visitor.CanSignIn(omar);
    }

    [Fact]
    public async Task Registering_with_an_address_that_has_an_account_answers_as_for_a_new_one_and_tells_the_holder_instead()
    {
        var visitor = Visitor();
        var paula = await Backstage.NewAccount("Paula Price");

        await visitor.CanRegister("Someone Else", paula.Email, "another long passphrase");

        var mail = await Mailbox(paula.Email);
        Assert.Single(mail, m => m.Subject == "Someone tried to register with your email address");
        Assert.DoesNotContain(mail, m => m.Subject.Contains("Confirm your email", StringComparison.Ordinal));
        await visitor.CannotSignIn(paula.Email, "another long passphrase", toldAbout: "not right");
        await visitor.CanSignIn(paula);
    }

    [Fact]
    public async Task Asking_to_reset_the_password_of_an_address_without_an_account_answers_as_for_one_with_an_account()
    {
        var visitor = Visitor();
        var nobody = Backstage.UniqueEmail("Nobody Here");

        await visitor.AsksForAPasswordReset(nobody);

        Assert.Empty(await Mailbox(nobody));
    }

    [Fact]
    public async Task A_journal_administrator_grants_the_reviewer_role_and_the_reviewer_sees_the_journals_reviewer_screens()
    {
        var journal = await NewJournal();
        var ada = await NewJournalAdministrator("Ada Adams", journal);
        var rita = await NewPerson("Rita Reyes");
        await rita.SeesNoReviewerScreensOf(journal);

        await ada.CanGrant(journal, rita, JournalRole.Reviewer);

        await rita.SeesReviewerScreensOf(journal);
    }

    [Fact]
    public async Task A_revoked_editor_can_no_longer_act_from_their_very_next_command()
    {
        var journal = await NewJournal();
        var ada = await NewJournalAdministrator("Ada Adams", journal);
        var erin = await NewEditor("Erin Evans", journal);
        await erin.SeesNewSubmissions(journal);

        await ada.CanRevoke(journal, erin, JournalRole.EditorInChief);

        await erin.CannotSeeNewSubmissions(journal);
    }

    [Fact]
    public async Task A_person_resets_a_forgotten_password_through_the_emailed_link_and_the_old_password_stops_working()
    {
        var visitor = Visitor();
        var paula = await Backstage.NewAccount("Paula Price");
        const string newPassword = "a brand new passphrase";

        await visitor.AsksForAPasswordReset(paula.Email);
        await visitor.CanChooseANewPasswordFromTheLinkMailedTo(paula.Email, newPassword);

        await visitor.CannotSignIn(paula.Email, paula.Password, toldAbout: "not right");
        await visitor.CanSignIn(paula, newPassword);
    }
}
