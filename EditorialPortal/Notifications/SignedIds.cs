using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace EditorialPortal.Notifications;

/// <summary>
/// Two ids signed with the portal's keys, readable only until a given moment: what a link in a mail carries instead of
/// a secret the record would have to keep.
/// </summary>
public static class SignedIds
{
    public static string Sign(this ITimeLimitedDataProtector protector, Guid first, Guid second, DateTimeOffset worksUntil) =>
        protector.Protect($"{first:N}.{second:N}", worksUntil);

    /// <summary>The two ids, or null for a token that is forged, damaged, signed for another purpose or past its time.</summary>
    public static (Guid First, Guid Second)? Read(this ITimeLimitedDataProtector protector, string token)
    {
        try
        {
            var parts = protector.Unprotect(token, out _).Split('.');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var first) && Guid.TryParse(parts[1], out var second) ? (first, second) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
