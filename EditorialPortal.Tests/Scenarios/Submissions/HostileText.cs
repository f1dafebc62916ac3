using EditorialPortal.Domain.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Submissions;

/// <summary>
/// Text that would be code if a page took it for markup: kept exactly as typed, and shown as text to everyone who
/// reads it, on pages, in histories and in the API; in a browser, no script it carries ever runs.
/// </summary>
public abstract class HostileText(IProtocol protocol) : Scenario(protocol)
{
    // Script tags, event-handler attributes, SVG with script, a javascript: link, a right-to-left override, quotes of every kind.
    public const string Title = "<script>alert('title')</script><img src=x onerror=alert('img')> \"Fog\" & 'redwoods' \u202Efdp.exe";

    public const string Abstract =
        "<svg onload=alert('svg')><script>alert(1)</script></svg> <a href=\"javascript:alert('link')\">read</a> " +
        "<iframe srcdoc=\"<script>alert(2)</script>\"></iframe> {{7*7}} ${7*7} </textarea></title><body onload=alert(3)>";

    public static readonly string[] Keywords = ["<b onmouseover=alert(4)>fog</b>", "javascript:alert(5)", "\u202Eredwoods"];

    [Fact]
    public async Task Script_typed_into_a_manuscript_is_kept_as_typed_and_shown_as_text_to_everyone_who_reads_it()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");
        var erin = await NewEditor("Erin Jones", journal);
        var submission = await alice.CanStartSubmission(journal, ManuscriptType.ResearchArticle);
        await alice.CanCompleteManuscript(submission, Title);
        await alice.CanUpdate(submission, new SetAbstract(Abstract));
        await alice.CanUpdate(submission, new SetKeywords(Keywords));
        await alice.CanSubmit(submission);

        await erin.SeesTheTitleAsTyped(submission, Title);
        await alice.SeesTheTitleAsTyped(submission, Title);
        erin.RanNoScript();
        alice.RanNoScript();
    }
}
