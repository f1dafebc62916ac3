namespace EditorialPortal.Integrity.Analysis;

/// <summary>
/// Near-duplicate text found without comparing every pair: each text's set of three-word shingles is summarised by 64
/// minimum hashes, texts that agree on all four hashes of any of 16 bands become candidates, and only candidates have
/// their true Jaccard similarity computed. Texts at a similarity of 0.5 are candidates with a probability above 0.98.
/// </summary>
public static class MinHash
{
    private const int Hashes = 64;
    private const int Bands = 16;
    private const int Rows = Hashes / Bands;
    private const ulong Prime = (1UL << 61) - 1;
    private static readonly (ulong A, ulong B)[] Permutations = MakePermutations();

    public static HashSet<ulong> Shingles(string text)
    {
        var words = new List<string>();
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (new string([.. word.Where(char.IsLetterOrDigit)]) is { Length: > 0 } clean) words.Add(clean);
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + 2 < words.Count; i++) shingles.Add(Fnv($"{words[i]} {words[i + 1]} {words[i + 2]}"));
        return shingles;
    }

    /// <summary>
    /// Each set without the shingles found in more than <paramref name="share"/> of all the sets (and in at least
    /// <paramref name="fewest"/>): phrases everyone writes.
    /// </summary>
    public static List<HashSet<ulong>> WithoutCommon(IReadOnlyList<HashSet<ulong>> sets, double share = 0.02, int fewest = 50)
    {
        var frequency = new Dictionary<ulong, int>();
        foreach (var set in sets)
            foreach (var shingle in set)
                frequency[shingle] = frequency.GetValueOrDefault(shingle) + 1;
        var common = Math.Max(fewest, (int)(share * sets.Count));
        return [.. sets.Select(set => set.Where(shingle => frequency[shingle] <= common).ToHashSet())];
    }

    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / (a.Count + b.Count - a.Count(b.Contains));

    /// <summary>The pairs of items (by index) whose shingles may be similar, each once, lower index first.</summary>
    public static IEnumerable<(int First, int Second)> Candidates(IReadOnlyList<HashSet<ulong>> items)
    {
        var seen = new HashSet<(int, int)>();
        for (var band = 0; band < Bands; band++)
        {
            var buckets = new Dictionary<ulong, List<int>>();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Count == 0) continue;
                var key = 1469598103934665603UL;
                for (var row = 0; row < Rows; row++) key = (key ^ Minimum(items[i], Permutations[band * Rows + row])) * 1099511628211UL;
                if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = [];
                bucket.Add(i);
            }
            foreach (var bucket in buckets.Values.Where(b => b.Count > 1))
                for (var x = 0; x < bucket.Count; x++)
                    for (var y = x + 1; y < bucket.Count; y++)
                        if (seen.Add((bucket[x], bucket[y])))
                            yield return (bucket[x], bucket[y]);
        }
    }

    private static ulong Minimum(HashSet<ulong> shingles, (ulong A, ulong B) permutation)
    {
        var minimum = ulong.MaxValue;
        foreach (var shingle in shingles)
        {
            var hashed = (ulong)((UInt128)permutation.A * (shingle % Prime) + permutation.B) % Prime;
            if (hashed < minimum) minimum = hashed;
        }
        return minimum;
    }

    // Fixed, so that the same record gives the same candidates in every process.
    private static (ulong, ulong)[] MakePermutations()
    {
        var random = new Random(20261204);
        return [.. Enumerable.Range(0, Hashes).Select(_ => ((ulong)random.NextInt64(1, (long)(Prime - 1)), (ulong)random.NextInt64(0, (long)(Prime - 1))))];
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
