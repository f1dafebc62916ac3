using EditorialPortal.Domain.People;
using Microsoft.AspNetCore.Identity;

namespace EditorialPortal.People;

/// <summary>Checks an email address and password against the account's stored hash.</summary>
public sealed class AccountSignIn(IAccountQueries accounts)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public async Task<Account?> Verify(string email, string password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return null;
        var account = await accounts.FindByEmail(email);
        if (account is null || account.PasswordHash.Length == 0)
        {
            // Hash anyway so that a missing account takes as long to refuse as a wrong password.
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }
        return Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed ? null : account;
    }

    private static readonly string DummyHash = Hash(Guid.NewGuid().ToString());
}
