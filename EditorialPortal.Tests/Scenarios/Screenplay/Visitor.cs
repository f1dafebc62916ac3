using Xunit;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>Someone at the portal who is not signed in: registering, following emailed links, signing in.</summary>
public sealed class Visitor(IProtocol protocol, Func<PersonAccount, IEditorialAbility, Person> signedIn)
{
    public async Task CanRegister(string name, string email, string password)
    {
        var refusal = await protocol.Register(name, email, password);
        Assert.True(refusal is null, $"{name} could not register: {refusal}");
    }

    public async Task CanConfirmTheirEmailFromTheLinkMailedTo(string email)
    {
        var refusal = await protocol.FollowConfirmationLink(email);
        Assert.True(refusal is null, $"The confirmation link mailed to {email} did not work: {refusal}");
    }

    public async Task<Person> CanSignIn(PersonAccount account, string? password = null)
    {
        var (ability, problem) = await protocol.TrySignIn(account.Email, password ?? account.Password);
        Assert.True(ability is not null, $"{account.Name} could not sign in: {problem}");
        return signedIn(account with { Password = password ?? account.Password }, ability);
    }

    /// <summary>Signing in fails, and the person is told something containing each of <paramref name="toldAbout"/>.</summary>
    public async Task CannotSignIn(string email, string password, params string[] toldAbout)
    {
        var (ability, problem) = await protocol.TrySignIn(email, password);
        if (ability is not null) await ability.DisposeAsync();
        Assert.True(ability is null, $"{email} signed in, but should not have.");
        foreach (var words in toldAbout) Assert.Contains(words, problem ?? "", StringComparison.OrdinalIgnoreCase);
    }

    public async Task CanAnswerTheInvitationMailedTo(string email, bool accept, string? reason = null, string? suggestion = null)
    {
        var refusal = await protocol.AnswerInvitationFromTheMail(email, accept, reason, suggestion);
        Assert.True(refusal is null, $"The invitation link mailed to {email} did not work: {refusal?.Kind} {string.Join(" ", refusal?.Fields ?? [])}");
    }

    public async Task CannotAnswerTheInvitationMailedTo(string email, bool accept, SeenRefusal because)
    {
        var refusal = await protocol.AnswerInvitationFromTheMail(email, accept);
        Assert.True(refusal is not null, $"The invitation mailed to {email} was answered again.");
        Assert.Equal(because.Kind, refusal.Kind);
    }

    public Task AsksForAPasswordReset(string email) => protocol.AskForPasswordReset(email);

    public async Task CanChooseANewPasswordFromTheLinkMailedTo(string email, string newPassword)
    {
        var refusal = await protocol.FollowPasswordResetLink(email, newPassword);
        Assert.True(refusal is null, $"The reset link mailed to {email} did not work: {refusal}");
    }
}
