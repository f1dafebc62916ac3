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

    private static readonly Guid ConfirmationRequest = Guid.Parse("00000000-0000-0000-0000-0000000c0f1e");
    private static readonly Guid ResetRequest = Guid.Parse("00000000-0000-0000-0000-00000000e5e7");
    private static readonly RegisterAccount Registration = new("Bob Brown", " Bob@ETH.ch ", "ETH Zürich", "0000-0002-1825-0097", "hash", ConfirmationRequest);

    private static Account Given(params IHistoricalFact[] facts) => facts.Aggregate<IHistoricalFact, Account?>(null, Account.Fold)!;

    private static IHistoricalFact[] Registered =>
    [
        new AccountRegistered(BobId, "Bob Brown", "bob@eth.ch", "ETH Zürich", null, BobId, Now),
        new PasswordSet(BobId, "hash", BobId, Now),
        new EmailConfirmationRequested(BobId, ConfirmationRequest, Now + AccountRules.ConfirmationLinkLifetime, BobId, Now)
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
            new EmailConfirmationRequested(BobId, ConfirmationRequest, Now + AccountRules.ConfirmationLinkLifetime, BobId, Now)
        ], facts);
    }

    [Fact]
    public void An_email_address_belongs_to_one_account() =>
        Assert.Equal("email", Assert.Single(Assert.IsType<Refusal.Invalid>(
            AccountDecider.Decide(BobId, Registration, null, true, false, Actor.Anonymous, Now).Refusal).Errors).Field);

    [Fact]
    public void The_emailed_link_confirms_the_address_once_and_a_wrong_or_old_link_does_not()
    {
        Assert.IsType<EmailConfirmed>(Assert.Single(When(new ConfirmEmail(ConfirmationRequest), Given(Registered), Actor.Anonymous).Facts));
        Assert.IsType<Refusal.Invalid>(When(new ConfirmEmail(Guid.NewGuid()), Given(Registered), Actor.Anonymous).Refusal);
        Assert.IsType<Refusal.Invalid>(When(new ConfirmEmail(ConfirmationRequest), Given(Registered), Actor.Anonymous, Now.AddDays(8)).Refusal);
        Assert.Empty(When(new ConfirmEmail(ConfirmationRequest), Given(Confirmed), Actor.Anonymous).Facts);
    }

    [Fact]
    public void Signing_in_needs_a_confirmed_address_but_says_so_only_to_someone_who_knows_the_password()
    {
        Assert.IsType<Refusal.NotAllowedInState>(When(new SignIn(true), Given(Registered), Actor.Anonymous).Refusal);
        Assert.IsType<SignInFailed>(Assert.Single(When(new SignIn(false), Given(Registered), Actor.Anonymous).Facts));
        Assert.IsType<SignedIn>(Assert.Single(When(new SignIn(true), Given(Confirmed), Actor.Anonymous).Facts));
    }

    [Fact]
    public void After_five_wrong_passwords_a_sign_in_from_a_new_browser_waits_a_little_longer_each_time_but_never_more_than_a_minute()
    {
        var account = Given(Confirmed);
        for (var attempt = 1; attempt <= AccountRules.FreeSignInFailures; attempt++)
        {
            var failed = Assert.IsType<SignInFailed>(Assert.Single(When(new SignIn(false), account, Actor.Anonymous).Facts));
            Assert.Equal(attempt, failed.FailuresInARow);
            account = Account.Fold(account, failed)!;
        }

        // Even the right password waits, so that a guess made during the wait tells nothing; nothing is recorded of it.
        var waiting = Assert.IsType<Refusal.NotAllowedInState>(When(new SignIn(true), account, Actor.Anonymous).Refusal);
        Assert.Equal("slowed", waiting.State);
        Assert.Contains("try again in 1 seconds", waiting.Reason);
        Assert.IsType<SignedIn>(Assert.Single(When(new SignIn(true), account, Actor.Anonymous, Now.AddSeconds(1)).Facts));

        Assert.Equal([0, 0, 1, 2, 4, 32, 60, 60], new[] { 0, 4, 5, 6, 7, 10, 11, 500 }.Select(n => AccountRules.SignInWait(n).TotalSeconds));
    }

    [Fact]
    public void Guessing_elsewhere_never_slows_a_sign_in_from_a_browser_the_holder_has_signed_in_with()
    {
        var guessedAt = Given([.. Confirmed, new SignInFailed(BobId, 40, Guid.Empty, Now)]);
        Assert.IsType<Refusal.NotAllowedInState>(When(new SignIn(true), guessedAt, Actor.Anonymous).Refusal);
        Assert.IsType<SignedIn>(Assert.Single(When(new SignIn(true, FromKnownBrowser: true), guessedAt, Actor.Anonymous).Facts));
    }

    [Fact]
    public void A_lock_recorded_before_sign_ins_were_slowed_still_reads_and_holds_nobody_up()
    {
        var locked = Given([.. Confirmed, new SignInFailed(BobId, 5, Guid.Empty, Now), new AccountLockedOut(BobId, Now.AddMinutes(15), Guid.Empty, Now)]);
        Assert.IsType<SignedIn>(Assert.Single(When(new SignIn(true), locked, Actor.Anonymous).Facts));
    }

    [Fact]
    public void A_registration_with_a_taken_address_is_checked_as_any_registration_and_its_holder_hears_of_it_at_most_once_an_hour()
    {
        var taken = new NoteRegistrationAttempt(Registration with { Email = "bob@eth.ch" });
        var noted = Assert.IsType<RegistrationWithAddressAttempted>(Assert.Single(When(taken, Given(Confirmed), Actor.Anonymous).Facts));
        var told = Account.Fold(Given(Confirmed), noted)!;
        Assert.Empty(When(taken, told, Actor.Anonymous, Now.AddMinutes(59)).Facts);
        Assert.Single(When(taken, told, Actor.Anonymous, Now.AddMinutes(61)).Facts);
        Assert.Equal("name", Assert.Single(Assert.IsType<Refusal.Invalid>(
            When(new NoteRegistrationAttempt(Registration with { Name = " " }), Given(Confirmed), Actor.Anonymous).Refusal).Errors).Field);
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
        var requested = Given([.. Confirmed, new PasswordResetRequested(BobId, ResetRequest, Now + AccountRules.ResetLinkLifetime, BobId, Now)]);
        var reset = Assert.IsType<PasswordSet>(Assert.Single(When(new ResetPassword(ResetRequest, "new-hash"), requested, Actor.Anonymous).Facts));
        Assert.Equal("new-hash", reset.PasswordHash);
        Assert.IsType<Refusal.Invalid>(When(new ResetPassword(ResetRequest, "again"), Account.Fold(requested, reset), Actor.Anonymous).Refusal);
        Assert.IsType<Refusal.Invalid>(When(new ResetPassword(ResetRequest, "late"), requested, Actor.Anonymous, Now.AddMinutes(61)).Refusal);
        Assert.IsType<Refusal.Invalid>(When(new ResetPassword(Guid.NewGuid(), "new"), requested, Actor.Anonymous).Refusal);
    }

    [Fact]
    public void A_reset_password_also_ends_the_slowing_of_sign_ins()
    {
        var reset = Given([.. Confirmed, new SignInFailed(BobId, 9, Guid.Empty, Now), new PasswordSet(BobId, "new", BobId, Now)]);
        Assert.Null(reset.NextSignInFromNewBrowserAt(Now));
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
    [InlineData(typeof(RevokeAllAccessTokens))]
    [InlineData(typeof(DeclareExpertise))]
    public void Only_the_account_holder_changes_an_account(Type commandType)
    {
        AccountCommand command = commandType.Name switch
        {
            nameof(ChangeProfile) => new ChangeProfile("Eve", "", null),
            nameof(ChangePassword) => new ChangePassword(true, "eve's"),
            nameof(CreateAccessToken) => new CreateAccessToken(Guid.NewGuid(), "eve", "hash"),
            nameof(RevokeAccessToken) => new RevokeAccessToken(Guid.NewGuid()),
            nameof(RevokeAllAccessTokens) => new RevokeAllAccessTokens(),
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
        Assert.False(Account.Fold(account, revoked)!.AccessTokens.Single().WorksAt(Now));
    }

    [Fact]
    public void An_access_token_given_an_expiry_date_stops_working_then_and_the_date_is_at_most_a_year_away()
    {
        var created = Assert.IsType<AccessTokenCreated>(Assert.Single(When(new CreateAccessToken(Guid.NewGuid(), "CI", "h", Now.AddDays(30)), Given(Confirmed)).Facts));
        var token = Account.Fold(Given(Confirmed), created)!.AccessTokens.Single();
        Assert.True(token.WorksAt(Now.AddDays(29)));
        Assert.False(token.WorksAt(Now.AddDays(30)));
        foreach (var wrong in new[] { Now, Now.AddDays(-1), Now.AddDays(367) })
            Assert.Equal("expiresAt", Assert.Single(Assert.IsType<Refusal.Invalid>(When(new CreateAccessToken(Guid.NewGuid(), "CI", "h", wrong), Given(Confirmed)).Refusal).Errors).Field);
    }

    [Fact]
    public void Revoking_every_access_token_revokes_those_that_still_work_and_only_those()
    {
        var account = Given([.. Confirmed,
            new AccessTokenCreated(BobId, Guid.NewGuid(), "a", "ha", BobId, Now), new AccessTokenCreated(BobId, Guid.NewGuid(), "b", "hb", BobId, Now, Now.AddDays(1)),
            new AccessTokenCreated(BobId, Guid.NewGuid(), "c", "hc", BobId, Now, Now.AddDays(60))]);
        var revoked = When(new RevokeAllAccessTokens(), account, at: Now.AddDays(2)).Facts.Cast<AccessTokenRevoked>().Select(r => r.Token);
        Assert.Equal(account.AccessTokens.Where(t => t.Name != "b").Select(t => t.Id), revoked);
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
