using Bunit;
using EditorialPortal.Components.Shared;
using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Components;

public sealed class VersionComparisonTests : PortalComponentContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static SubmittedVersion Version(int number, string title, string @abstract, params string[] keywords) =>
        new(number, title, @abstract, keywords, [new ContributingAuthor("Alice Smith", "alice@example.org", "Bristol", null, true)], null, Now.AddDays(number));

    [Fact]
    public void The_latest_two_versions_are_compared_word_by_word_with_removals_and_additions_marked()
    {
        var comparison = Render<VersionComparison>(p => p.Add(c => c.Versions, [
            Version(1, "Tidal mixing feeds plankton", "We measured it once.", "tides"),
            Version(2, "Tidal mixing feeds coastal plankton", "We measured it twice.", "tides", "plankton")]));

        var title = comparison.Find("[data-testid=diff-part][data-label=Title]");
        Assert.Equal("coastal", title.QuerySelector("ins")!.TextContent);
        var summary = comparison.Find("[data-testid=diff-part][data-label=Abstract]");
        Assert.Equal(("once.", "twice."), (summary.QuerySelector("del")!.TextContent, summary.QuerySelector("ins")!.TextContent));
        Assert.Equal("plankton", comparison.Find("[data-testid=diff-part][data-label=Keywords] ins").TextContent);
        Assert.Contains("Unchanged", comparison.Find("[data-testid=diff-part][data-label=Authors]").TextContent);
    }

    [Fact]
    public void A_manuscript_with_one_version_has_nothing_to_compare() =>
        Assert.Empty(Render<VersionComparison>(p => p.Add(c => c.Versions, [Version(1, "T", "A")])).FindAll("[data-testid=version-comparison]"));
}
