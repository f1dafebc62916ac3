using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Journals;

public sealed class JournalDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Actor Ada = new(Guid.Parse("00000000-0000-0000-0000-0000000000ad"), "Ada Admin", "ada@press.org");
    private static readonly Actor Bob = new(Guid.Parse("00000000-0000-0000-0000-000000000b0b"), "Bob Brown", "bob@eth.ch");
    private static readonly Actor Sam = new(Guid.Parse("00000000-0000-0000-0000-00000000005a"), "Sam Sysadmin", "sam@press.org");

    private static readonly CreateJournal Valid = new("Journal of Tests", "2049-3630", "Tests.", [ManuscriptType.ResearchArticle], ReviewMode.DoubleBlind, 3);

    private static Journal Created(params IHistoricalFact[] more) =>
        new IHistoricalFact[] { new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now) }
            .Concat(more).Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static Journal WithAdministrator => Created(new JournalRoleGranted(JournalId, Ada.Account, JournalRole.JournalAdministrator, Guid.Empty, Now));

    private static Decision When(JournalCommand command, Journal? state, Actor actor, bool systemAdministrator = false, bool grantee = true) =>
        JournalDecider.Decide(JournalId, command, state, systemAdministrator, grantee, actor, Now);

    [Fact]
    public void A_system_administrator_creates_a_journal_with_its_review_mode_and_reviews_required()
    {
        var created = Assert.IsType<JournalCreated>(Assert.Single(When(Valid, null, Sam, systemAdministrator: true).Facts));
        Assert.Equal((ReviewMode.DoubleBlind, 3, "2049-3630"), (created.ReviewMode, created.ReviewsRequired, created.Issn));
        Assert.Equal(Enum.GetValues<DecisionKind>().Length, created.DecisionLetters!.Count);
    }

    [Fact]
    public void Nobody_else_creates_a_journal() =>
        Assert.IsType<Refusal.NotAuthorised>(When(Valid, null, Bob).Refusal);

    [Theory]
    [InlineData("2049-3631")]
    [InlineData("12345678")]
    [InlineData("ISSN")]
    public void An_issn_with_a_wrong_check_character_is_refused(string issn) =>
        Assert.Equal("issn", Assert.Single(Assert.IsType<Refusal.Invalid>(When(Valid with { Issn = issn }, null, Sam, true).Refusal).Errors).Field);

    [Theory]
    [InlineData("0317-8471", "0317-8471")]
    [InlineData("20493630", "2049-3630")]
    [InlineData("0000-006x", "0000-006X")]
    public void Issns_are_checked_and_written_with_a_hyphen(string given, string written) => Assert.Equal(written, Issn.Normalise(given));

    [Fact]
    public void A_journal_needs_a_title_a_manuscript_type_and_a_sensible_number_of_reviews()
    {
        var refusal = Assert.IsType<Refusal.Invalid>(When(Valid with { Title = " ", ManuscriptTypes = [], ReviewsRequired = 0 }, null, Sam, true).Refusal);
        Assert.Equal(["manuscriptTypes", "reviewsRequired", "title"], refusal.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void A_journal_administrator_grants_and_revokes_roles_and_a_stranger_cannot()
    {
        var granted = Assert.IsType<JournalRoleGranted>(Assert.Single(When(new GrantJournalRole(Bob.Account, JournalRole.Reviewer), WithAdministrator, Ada).Facts));
        Assert.Equal((Bob.Account, JournalRole.Reviewer), (granted.Account, granted.Role));
        var staffed = Journal.Fold(WithAdministrator, granted)!;
        Assert.IsType<JournalRoleRevoked>(Assert.Single(When(new RevokeJournalRole(Bob.Account, JournalRole.Reviewer), staffed, Ada).Facts));
        Assert.IsType<Refusal.NotAuthorised>(When(new GrantJournalRole(Bob.Account, JournalRole.EditorInChief), staffed, Bob).Refusal);
        Assert.IsType<Refusal.NotAuthorised>(When(new RevokeJournalRole(Ada.Account, JournalRole.JournalAdministrator), staffed, Bob).Refusal);
    }

    [Fact]
    public void A_system_administrator_may_staff_any_journal() =>
        Assert.Single(When(new GrantJournalRole(Bob.Account, JournalRole.EditorInChief), Created(), Sam, systemAdministrator: true).Facts);

    [Fact]
    public void A_role_can_only_go_to_someone_with_an_account() =>
        Assert.IsType<Refusal.Invalid>(When(new GrantJournalRole(Guid.NewGuid(), JournalRole.Reviewer), WithAdministrator, Ada, grantee: false).Refusal);

    [Fact]
    public void Granting_a_role_held_already_or_revoking_one_not_held_records_nothing()
    {
        Assert.Empty(When(new GrantJournalRole(Ada.Account, JournalRole.JournalAdministrator), WithAdministrator, Ada).Facts);
        Assert.Empty(When(new RevokeJournalRole(Bob.Account, JournalRole.Reviewer), WithAdministrator, Ada).Facts);
    }

    [Fact]
    public void A_journal_keeps_at_least_one_administrator() =>
        Assert.IsType<Refusal.NotAllowedInState>(When(new RevokeJournalRole(Ada.Account, JournalRole.JournalAdministrator), WithAdministrator, Ada).Refusal);

    [Fact]
    public void A_revoked_role_no_longer_counts()
    {
        var journal = Journal.Fold(Created(new JournalRoleGranted(JournalId, Bob.Account, JournalRole.EditorInChief, Guid.Empty, Now)),
            new JournalRoleRevoked(JournalId, Bob.Account, JournalRole.EditorInChief, Guid.Empty, Now))!;
        Assert.False(journal.IsEditor(Bob.Account));
    }

    [Fact]
    public void A_journal_administrator_rewords_an_email_and_can_return_it_to_the_portals_default()
    {
        var refusal = Assert.IsType<Refusal.Invalid>(When(new ChangeMailTemplate(NoticeKind.ReviewInvitation, "Please review", "Dear {recipient}, sign in to answer."), WithAdministrator, Ada).Refusal);
        Assert.Contains(MailTemplate.InvitationLink, refusal.Errors.Single().Message);

        var changed = Assert.IsType<MailTemplateChanged>(Assert.Single(
            When(new ChangeMailTemplate(NoticeKind.SubmissionReceived, "Thank you", "Dear {recipient}, we have \"{title}\"."), WithAdministrator, Ada).Facts));
        var reworded = Journal.Fold(WithAdministrator, changed)!;
        Assert.Equal("Thank you", MailTemplate.For(reworded.MailTemplates, NoticeKind.SubmissionReceived).Subject);

        var restored = Assert.IsType<MailTemplateChanged>(Assert.Single(When(new ChangeMailTemplate(NoticeKind.SubmissionReceived, null, null), reworded, Ada).Facts));
        Assert.Equal(MailTemplate.Defaults.First(t => t.Kind == NoticeKind.SubmissionReceived), MailTemplate.For(Journal.Fold(reworded, restored)!.MailTemplates, NoticeKind.SubmissionReceived));
        Assert.IsType<Refusal.NotAuthorised>(When(new ChangeMailTemplate(NoticeKind.SubmissionReceived, "Hi", "Hello"), WithAdministrator, Bob).Refusal);
    }
}
