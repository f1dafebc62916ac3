namespace EditorialPortal.Domain.Submissions;

public enum Change
{
    Same,
    Removed,
    Added
}

/// <summary>One run of words that stayed, went or came between two texts.</summary>
public sealed record DiffRun(Change Change, string Text);

/// <summary>What changed between two versions of a text, word by word (a longest common subsequence of words).</summary>
public static class TextDiff
{
    /// <summary>Beyond this many words on either side, texts are compared as wholes rather than word by word.</summary>
    public const int MaxWords = 5_000;

    public static IReadOnlyList<DiffRun> Words(string before, string after)
    {
        if (before == after) return before.Length == 0 ? [] : [new DiffRun(Change.Same, before)];
        var a = Split(before);
        var b = Split(after);
        if (a.Length > MaxWords || b.Length > MaxWords) return [new DiffRun(Change.Removed, before), new DiffRun(Change.Added, after)];

        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);

        var runs = new List<DiffRun>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Add(runs, Change.Same, a[x++]);
                y++;
            }
            else if (y < b.Length && (x == a.Length || lengths[x, y + 1] >= lengths[x + 1, y])) Add(runs, Change.Added, b[y++]);
            else Add(runs, Change.Removed, a[x++]);
        }
        return runs;
    }

    /// <summary>The lines of a list (keywords, authors) compared as wholes: which stayed, went or came.</summary>
    public static IReadOnlyList<DiffRun> Lines(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        [.. before.Select(line => new DiffRun(after.Contains(line) ? Change.Same : Change.Removed, line)),
         .. after.Where(line => !before.Contains(line)).Select(line => new DiffRun(Change.Added, line))];

    private static string[] Split(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static void Add(List<DiffRun> runs, Change change, string word)
    {
        if (runs.Count > 0 && runs[^1].Change == change) runs[^1] = runs[^1] with { Text = runs[^1].Text + " " + word };
        else runs.Add(new DiffRun(change, word));
    }
}
