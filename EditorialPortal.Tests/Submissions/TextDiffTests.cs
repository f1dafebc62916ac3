using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Submissions;

public sealed class TextDiffTests
{
    [Fact]
    public void Words_that_stay_go_and_come_are_told_apart()
    {
        var runs = TextDiff.Words("Tidal mixing feeds coastal plankton", "Tidal mixing starves coastal plankton in winter");
        Assert.Equal(
            [new(Change.Same, "Tidal mixing"), new(Change.Added, "starves"), new(Change.Removed, "feeds"), new(Change.Same, "coastal plankton"), new DiffRun(Change.Added, "in winter")],
            runs);
    }

    [Fact]
    public void Identical_texts_are_one_unchanged_run() =>
        Assert.Equal([new DiffRun(Change.Same, "Same words")], TextDiff.Words("Same words", "Same words"));

    [Fact]
    public void List_entries_are_kept_removed_or_added_as_wholes() =>
        Assert.Equal([new(Change.Same, "tides"), new(Change.Removed, "plankton"), new DiffRun(Change.Added, "mixing")],
            TextDiff.Lines(["tides", "plankton"], ["tides", "mixing"]));
}
