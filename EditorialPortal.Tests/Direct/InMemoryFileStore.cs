using System.Collections.Concurrent;
using System.Security.Cryptography;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Tests.Direct;

/// <summary>Manuscript files held in memory, with the same size limit and keep/unkeep steps as the folder store.</summary>
public sealed class InMemoryFileStore(long maxFileBytes = 1024 * 1024) : IManuscriptFileStore
{
    private readonly ConcurrentDictionary<string, byte[]> _kept = new();

    public long MaxFileBytes => maxFileBytes;

    public IReadOnlyCollection<string> KeptDigests => [.. _kept.Keys];

    public async Task<FileReception> Receive(Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxFileBytes)
                return new FileReception.Refused(new Refusal.Invalid("manuscript", $"The file is larger than the limit of {SubmissionNarrative.FileSize(maxFileBytes)}."));
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        return new FileReception.Received(new Staged(this, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))));
    }

    public Stream? Open(string sha256) => _kept.TryGetValue(sha256, out var bytes) ? new MemoryStream(bytes, writable: false) : null;

    private sealed class Staged(InMemoryFileStore store, byte[] bytes, string sha256) : IStagedFile
    {
        private bool _newlyKept;

        public string Sha256 => sha256;
        public long Size => bytes.Length;
        public ReadOnlyMemory<byte> Header => bytes.AsMemory(0, Math.Min(bytes.Length, ManuscriptFormats.HeaderLength));
        public Stream OpenRead() => new MemoryStream(bytes, writable: false);

        public Task<bool> Keep() => Task.FromResult(_newlyKept = store._kept.TryAdd(sha256, bytes));

        public Task Unkeep()
        {
            if (_newlyKept) store._kept.TryRemove(sha256, out _);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
