using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using Xunit;

namespace EditorialPortal.Tests.People;

/// <summary>What a person hears about their own account: queued with the facts, with no secret in the record.</summary>
public sealed class AccountNoticesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid BobId = Guid.Parse("00000000-0000-0000-0000-000000000b0b");
    private static readonly Actor Bob = new(BobId, "Bob Brown", "bob@eth.ch");
    private static readonly Guid Request = Guid.Parse("00000000-0000-0000-0000-0000000c0f1e");

    private static Account? Before(params object[] facts) => facts.Aggregate<object, Account?>(null, Account.Fold);

    private static IReadOnlyList<MailQueued> Told(Account? before, AccountCommand command, Actor actor, DateTimeOffset? at = null) =>
        AccountNotices.Compose(Guid.NewGuid(), AccountDecider.Decide(BobId, command, before, false, false, actor, at ?? Now).Facts, before, path => "https://portal.example" + path);

    private static Account Confirmed => Before(new AccountRegistered(BobId, "Bob Brown", "bob@eth.ch", "ETH", null, BobId, Now),
        new PasswordSet(BobId, "hash", BobId, Now), new EmailConfirmed(BobId, BobId, Now))!;

    [Fact]
    public void A_registration_mails_a_confirmation_link_to_be_made_as_the_mail_leaves_and_nothing_about_the_first_password()
    {
        var mail = Assert.Single(Told(null, new RegisterAccount("Bob Brown", "bob@eth.ch", "ETH", null, "hash", Request), Actor.Anonymous));
        Assert.Equal((NoticeKind.EmailConfirmation, "bob@eth.ch", (Guid?)Request, (DateTimeOffset?)(Now + AccountRules.ConfirmationLinkLifetime)),
            (mail.Kind, mail.ToAddress, mail.LinkRequest, mail.LinkWorksUntil));
        Assert.Contains(AccountNotices.Link, mail.Body);
        Assert.DoesNotContain("token", mail.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Null(mail.Journal);
    }

    [Fact]
    public void A_password_reset_link_is_mailed_the_same_way()
    {
        var mail = Assert.Single(Told(Confirmed, new RequestPasswordReset(Request), Actor.Anonymous));
        Assert.Equal((NoticeKind.PasswordReset, (Guid?)Request), (mail.Kind, mail.LinkRequest));
        Assert.Contains(AccountNotices.Link, mail.Body);
    }

    [Fact]
    public void The_holder_hears_of_a_changed_password_of_a_registration_tried_with_their_address_and_of_the_fifth_wrong_password()
    {
        Assert.Equal(NoticeKind.PasswordChanged, Assert.Single(Told(Confirmed, new ChangePassword(true, "new"), Bob)).Kind);
        Assert.Equal(NoticeKind.AddressAlreadyRegistered,
            Assert.Single(Told(Confirmed, new NoteRegistrationAttempt(new RegisterAccount("Someone", "bob@eth.ch", "", null, "hash")), Actor.Anonymous)).Kind);

        var account = Confirmed;
        var heard = new List<NoticeKind>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var at = Now.AddMinutes(attempt);
            var facts = AccountDecider.Decide(BobId, new SignIn(false), account, false, false, Actor.Anonymous, at).Facts;
            heard.AddRange(AccountNotices.Compose(Guid.NewGuid(), facts, account, path => path).Select(m => m.Kind));
            account = facts.Aggregate(account, (a, f) => Account.Fold(a, f)!);
        }
        Assert.Equal([NoticeKind.SignInsSlowed], heard);
    }
}
