namespace EditorialPortal.Domain.Files;

public static class ManuscriptFormats
{
    public const int HeaderLength = 8;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    /// <summary>A PDF starts with "%PDF-": a renamed file of another kind does not.</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> header) => header.StartsWith(PdfSignature);
}
