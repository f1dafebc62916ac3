using EditorialPortal.Domain.Journals;
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
    public async Task A_person_is_locked_out_after_five_wrong_passwords_and_signs_in_once_the_lockout_ends()
    {
        var visitor = Visitor();
        var omar = await Backstage.NewAccount("Omar Okafor");

        for (var attempt = 1; attempt <= 4; attempt++)
            await visitor.CannotSignIn(omar.Email, "not my password", toldAbout: "not right");
        await visitor.CannotSignIn(omar.Email, "still not my password", toldAbout: "locked");
        await visitor.CannotSignIn(omar.Email, omar.Password, toldAbout: "locked");

        Backstage.TimePasses(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await visitor.CanSignIn(omar);
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
