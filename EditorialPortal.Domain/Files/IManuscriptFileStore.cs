using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Files;

/// <summary>
/// The content-addressed store of manuscript files. Files arrive in two steps: received into staging
/// (streamed, hashed and size-checked on the way), then kept under their SHA-256 once a command needs them.
/// </summary>
public interface IManuscriptFileStore
{
    /// <summary>Largest file the store accepts, in bytes.</summary>
    long MaxFileBytes { get; }

    /// <summary>Streams <paramref name="content"/> into staging. Refuses, leaving nothing behind, once it passes <see cref="MaxFileBytes"/>.</summary>
    Task<FileReception> Receive(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a kept file for reading, or null if the store has no file with that digest.</summary>
    Stream? Open(string sha256);
}

public abstract record FileReception
{
    public sealed record Received(IStagedFile File) : FileReception;

    public sealed record Refused(Refusal.Invalid Refusal) : FileReception;
}

/// <summary>A received file not yet kept. Disposing it without keeping it removes it.</summary>
public interface IStagedFile : IAsyncDisposable
{
    string Sha256 { get; }
    long Size { get; }

    /// <summary>The first bytes of the file, for recognising its format.</summary>
    ReadOnlyMemory<byte> Header { get; }

    /// <summary>Reads the received bytes, for checking them before they are kept.</summary>
    Stream OpenRead();

    /// <summary>Moves the file under its digest. Returns false if an identical file was kept already.</summary>
    Task<bool> Keep();

    /// <summary>Removes a file that <see cref="Keep"/> had newly kept, when the command that needed it was refused.</summary>
    Task Unkeep();
}
