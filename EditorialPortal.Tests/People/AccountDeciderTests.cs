using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;
using Xunit;

namespace EditorialPortal.Tests.People;

public sealed class AccountDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid BobId = Guid.Parse("00000000-0000-0000-0000-000000000b0b");
    private static readonly Actor Bob = new(BobId, "Bob Brown", "bob@eth.ch");
    private static readonly Actor Eve = new(Guid.Parse("00000000-0000-0000-0000-00000000000e"), "Eve", "eve@example.org");

    private static readonly RegisterAccount Registration = new("Bob Brown", " Bob@ETH.ch ", "ETH Zürich", "0000-0002-1825-0097", "hash", ConfirmationTokenHash: "confirm");

    private static Account Given(params IHistoricalFact[] facts) => facts.Aggregate<IHistoricalFact, Account?>(null, Account.Fold)!;

    private static IHistoricalFact[] Registered =>
    [
        new AccountRegistered(BobId, "Bob Brown", "bob@eth.ch", "ETH Zürich", null, BobId, Now),
        new PasswordSet(BobId, "hash", BobId, Now),
        new EmailConfirmationRequested(BobId, "confirm", Now + AccountRules.ConfirmationLinkLifetime, BobId, Now)
    ];

    private static IHistoricalFact[] Confirmed => [.. Registered, new EmailConfirmed(BobId, BobId, Now)];

    private static Decision When(AccountCommand command, Account? state, Actor? actor = null, DateTimeOffset? at = null, bool systemAdministrator = false) =>
        AccountDecider.Decide(BobId, command, state, emailTaken: false, systemAdministrator, actor ?? Bob, at ?? Now);

    [Fact]
    public void Registering_records_the_person_their_password_hash_and_the_confirmation_link_sent()
    {
        var facts = AccountDecider.Decide(BobId, Registration, null, false, false, Actor.Anonymous, Now).Facts;
        Assert.Equal(
        [
            new AccountRegistered(BobId, "Bob Brown", "bob@eth.ch", "ETH Zürich", "0000-0002-1825-0097", BobId, Now),
            new PasswordSet(BobId, "hash", BobId, Now),
            new EmailConfirmationRequested(BobId, "confirm", Now + AccountRules.ConfirmationLinkLifetime, BobId, Now)
        ], facts);
    }

    [Fact]
    public void An_email_address_belongs_to_one_account() =>
        Assert.Equal("email", Assert.Single(Assert.IsType<Refusal.Invalid>(
            AccountDecider.Decide(BobId, Registration, null, true, false, Actor.Anonymous, Now).Refusal).Errors).Field);

    [Fact]
    public void The_emailed_link_confirms_the_address_once_and_a_wrong_or_old_link_does_not()
    {
        Assert.IsType<EmailConfirmed>(Assert.Single(When(new ConfirmEmail("confirm"), Given(Registered), Actor.Anonymous).Facts));
        Assert.IsType<Refusal.Invalid>(When(new ConfirmEmail("guess"), Given(Registered), Actor.Anonymous).Refusal);
        Assert.IsType<Refusal.Invalid>(When(new ConfirmEmail("confirm"), Given(Registered), Actor.Anonymous, Now.AddDays(8)).Refusal);
        Assert.Empty(When(new ConfirmEmail("confirm"), Given(Confirmed), Actor.Anonymous).Facts);
    }

    [Fact]
    public void Signing_in_needs_a_confirmed_address_but_says_so_only_to_someone_who_knows_the_password()
    {
        Assert.IsType<Refusal.NotAllowedInState>(When(new SignIn(true), Given(Registered), Actor.Anonymous).Refusal);
        Assert.IsType<SignInFailed>(Assert.Single(When(new SignIn(false), Given(Registered), Actor.Anonymous).Facts));
        Assert.IsType<SignedIn>(Assert.Single(When(new SignIn(true), Given(Confirmed), Actor.Anonymous).Facts));
    }

    [Fact]
    public void The_fifth_wrong_password_in_a_row_locks_the_account_for_fifteen_minutes()
    {
        var account = Given(Confirmed);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = Assert.IsType<SignInFailed>(Assert.Single(When(new SignIn(false), account, Actor.Anonymous).Facts));
            Assert.Equal(attempt, failed.FailuresInARow);
            account = Account.Fold(account, failed)!;
        }
        var fifth = When(new SignIn(false), account, Actor.Anonymous).Facts;
        var lockedOut = Assert.IsType<AccountLockedOut>(fifth[1]);
        Assert.Equal(Now + TimeSpan.FromMinutes(15), lockedOut.Until);
        account = fifth.Aggregate(account, (a, f) => Account.Fold(a, f)!);

        Assert.IsType<Refusal.NotAllowedInState>(When(new SignIn(true), account, Actor.Anonymous, Now.AddMinutes(14)).Refusal);
        Assert.IsType<SignedIn>(Assert.Single(When(new SignIn(true), account, Actor.Anonymous, Now.AddMinutes(15)).Facts));
    }

    [Fact]
    public void A_successful_sign_in_starts_the_count_of_wrong_passwords_again()
    {
        var account = Given([.. Confirmed, new SignInFailed(BobId, 4, BobId, Now), new SignedIn(BobId, BobId, Now)]);
        Assert.Equal(1, Assert.IsType<SignInFailed>(Assert.Single(When(new SignIn(false), account, Actor.Anonymous).Facts)).FailuresInARow);
    }

    [Fact]
    public void A_password_reset_link_works_once_within_an_hour()
    {
        var requested = Given([.. Confirmed, new PasswordResetRequested(BobId, "reset", Now + AccountRules.ResetLinkLifetime, BobId, Now)]);
        var reset = Assert.IsType<PasswordSet>(Assert.Single(When(new ResetPassword("reset", "new-hash"), requested, Actor.Anonymous).Facts));
        Assert.Equal("new-hash", reset.PasswordHash);
        Assert.IsType<Refusal.Invalid>(When(new ResetPassword("reset", "again"), Account.Fold(requested, reset), Actor.Anonymous).Refusal);
        Assert.IsType<Refusal.Invalid>(When(new ResetPassword("reset", "late"), requested, Actor.Anonymous, Now.AddMinutes(61)).Refusal);
        Assert.IsType<Refusal.Invalid>(When(new ResetPassword("guess", "new"), requested, Actor.Anonymous).Refusal);
    }

    [Fact]
    public void A_reset_password_also_lifts_a_lockout()
    {
        var locked = Given([.. Confirmed, new AccountLockedOut(BobId, Now.AddMinutes(15), BobId, Now), new PasswordSet(BobId, "new", BobId, Now)]);
        Assert.False(locked.IsLockedOut(Now));
    }

    [Fact]
    public void Changing_a_password_needs_the_current_one()
    {
        Assert.Equal("currentPassword", Assert.Single(Assert.IsType<Refusal.Invalid>(When(new ChangePassword(false, "new"), Given(Confirmed)).Refusal).Errors).Field);
        Assert.IsType<PasswordSet>(Assert.Single(When(new ChangePassword(true, "new"), Given(Confirmed)).Facts));
    }

    [Theory]
    [InlineData(typeof(ChangeProfile))]
    [InlineData(typeof(ChangePassword))]
    [InlineData(typeof(CreateAccessToken))]
    [InlineData(typeof(RevokeAccessToken))]
    [InlineData(typeof(DeclareExpertise))]
    public void Only_the_account_holder_changes_an_account(Type commandType)
    {
        AccountCommand command = commandType.Name switch
        {
            nameof(ChangeProfile) => new ChangeProfile("Eve", "", null),
            nameof(ChangePassword) => new ChangePassword(true, "eve's"),
            nameof(CreateAccessToken) => new CreateAccessToken(Guid.NewGuid(), "eve", "hash"),
            nameof(RevokeAccessToken) => new RevokeAccessToken(Guid.NewGuid()),
            _ => new DeclareExpertise(["eve"])
        };
        foreach (var stranger in new[] { Eve, Actor.Anonymous })
            Assert.IsType<Refusal.NotAuthorised>(When(command, Given(Confirmed), stranger).Refusal);
    }

    [Fact]
    public void An_access_token_is_kept_as_a_hash_and_can_be_revoked()
    {
        var token = Guid.NewGuid();
        var created = Assert.IsType<AccessTokenCreated>(Assert.Single(When(new CreateAccessToken(token, " CI ", "token-hash"), Given(Confirmed)).Facts));
        Assert.Equal(("CI", "token-hash"), (created.Name, created.TokenHash));
        var account = Account.Fold(Given(Confirmed), created)!;
        var revoked = Assert.IsType<AccessTokenRevoked>(Assert.Single(When(new RevokeAccessToken(token), account).Facts));
        Assert.False(Account.Fold(account, revoked)!.AccessTokens.Single().IsActive);
    }

    [Fact]
    public void A_profile_change_checks_the_orcid_id()
    {
        Assert.Equal("orcid", Assert.Single(Assert.IsType<Refusal.Invalid>(When(new ChangeProfile("Bob", "ETH", "0000-0002-1825-0098"), Given(Confirmed)).Refusal).Errors).Field);
        Assert.IsType<ProfileChanged>(Assert.Single(When(new ChangeProfile("Bob B. Brown", "ETH", null), Given(Confirmed)).Facts));
    }

    [Fact]
    public void Only_a_system_administrator_appoints_another()
    {
        Assert.IsType<Refusal.NotAuthorised>(When(new AppointSystemAdministrator(), Given(Confirmed), Eve).Refusal);
        Assert.IsType<SystemAdministratorAppointed>(Assert.Single(When(new AppointSystemAdministrator(), Given(Confirmed), Eve, systemAdministrator: true).Facts));
    }
}
