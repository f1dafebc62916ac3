using System.Security.Cryptography;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Files;

public sealed class FileStoreOptions
{
    public string Folder { get; set; } = ".data/files";
    public long MaxFileMegabytes { get; set; } = 50;
}

/// <summary>
/// Manuscript files in a local folder, each under its SHA-256. Uploads stream into a staging folder beside it,
/// hashed and counted as they arrive, and move into place with one rename, so a kept file is always whole.
/// </summary>
public sealed class FolderFileStore : IManuscriptFileStore
{
    private const int BufferSize = 81920;
    private readonly string _folder;
    private readonly string _staging;

    public FolderFileStore(FileStoreOptions options)
    {
        _folder = Path.GetFullPath(options.Folder);
        _staging = Path.Combine(_folder, ".staging");
        Directory.CreateDirectory(_staging);
        MaxFileBytes = options.MaxFileMegabytes * 1024 * 1024;
    }

    public long MaxFileBytes { get; }

    public async Task<FileReception> Receive(Stream content, CancellationToken cancellationToken = default)
    {
        var stagingPath = Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        var header = new byte[ManuscriptFormats.HeaderLength];
        var headerLength = 0;
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var target = new FileStream(stagingPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > MaxFileBytes)
                    {
                        await target.DisposeAsync();
                        File.Delete(stagingPath);
                        return new FileReception.Refused(new Refusal.Invalid("manuscript",
                            $"The file is larger than the limit of {SubmissionNarrative.FileSize(MaxFileBytes)}."));
                    }
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                        headerLength += take;
                    }
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
            return new FileReception.Received(new StagedFile(this, stagingPath, digest, size, header.AsMemory(0, headerLength)));
        }
        catch
        {
            File.Delete(stagingPath);
            throw;
        }
    }

    public Stream? Open(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return null;
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true) : null;
    }

    private string PathOf(string sha256) => Path.Combine(_folder, sha256.ToLowerInvariant());

    private sealed class StagedFile(FolderFileStore store, string stagingPath, string sha256, long size, ReadOnlyMemory<byte> header) : IStagedFile
    {
        private bool _newlyKept;

        public Stream OpenRead() => new FileStream(stagingPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);

        public string Sha256 => sha256;
        public long Size => size;
        public ReadOnlyMemory<byte> Header => header;

        public Task<bool> Keep()
        {
            var target = store.PathOf(sha256);
            if (File.Exists(target)) return Task.FromResult(false);
            try
            {
                File.Move(stagingPath, target, overwrite: false);
                _newlyKept = true;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Someone kept the same bytes a moment earlier: content addressing makes theirs ours.
            }
            return Task.FromResult(_newlyKept);
        }

        public Task Unkeep()
        {
            if (_newlyKept) File.Delete(store.PathOf(sha256));
            _newlyKept = false;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            File.Delete(stagingPath);
            return ValueTask.CompletedTask;
        }
    }
}
