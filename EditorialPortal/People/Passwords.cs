using System.Security.Cryptography;
using EditorialPortal.Domain.People;
using Microsoft.AspNetCore.Identity;

namespace EditorialPortal.People;

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 hasher) and one-time tokens, kept only as SHA-256 digests.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<Account> Hasher = new();
    private static readonly string DummyHash = Hash(Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Matches(Account? account, string password)
    {
        if (account is null || account.PasswordHash.Length == 0)
        {
            // Hash anyway, so that a missing account takes as long to refuse as a wrong password.
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return false;
        }
        return Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>A random one-time token for a link or the API, and the digest the record keeps.</summary>
    public static (string Token, string Hash) NewToken(string prefix = "")
    {
        var token = prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Digest(token));
    }

    public static string Digest(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
