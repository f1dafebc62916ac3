using System.Security.Cryptography;

namespace EditorialPortal.Domain.Common;

/// <summary>An id derived from other ids, so that a pure decision can name what it creates and a replay names it the same.</summary>
public static class DeterministicGuid
{
    public static Guid From(params Guid[] parts)
    {
        var bytes = SHA256.HashData(parts.SelectMany(p => p.ToByteArray()).ToArray())[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
