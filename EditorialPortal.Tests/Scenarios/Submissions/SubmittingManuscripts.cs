using EditorialPortal.Domain.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Submissions;

/// <summary>An author prepares a manuscript and submits it; the editors find it waiting for triage.</summary>
public abstract class SubmittingManuscripts(IProtocol protocol) : Scenario(protocol)
{
    [Fact]
    public async Task An_author_submits_a_manuscript_and_the_editor_finds_it_at_the_top_of_the_new_submissions_queue()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");
        var erin = await NewEditor("Erin Jones", journal);

        var submission = await alice.CanStartSubmission(journal, ManuscriptType.ResearchArticle);
        await alice.CanCompleteManuscript(submission, "Tidal mixing feeds coastal plankton");
        await erin.DoesNotSeeInNewSubmissions(journal, submission);
        await alice.CanSubmit(submission);

        await erin.SeesAtTopOfNewSubmissions(journal, submission, "Tidal mixing feeds coastal plankton");
        await erin.SeesSubmission(submission, "Submitted",
            "Alice Smith submitted version 1 of the manuscript",
            "Alice Smith changed the title to “Tidal mixing feeds coastal plankton”",
            "Alice Smith attached the manuscript file manuscript.pdf");
    }

    [Fact]
    public async Task An_author_cannot_submit_an_incomplete_manuscript_and_is_told_what_is_missing()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");

        var submission = await alice.CanStartSubmission(journal, ManuscriptType.ResearchArticle);
        await alice.CanUpdate(submission, new SetTitle("Half a manuscript"));
        await alice.CanUpdate(submission, new SetKeywords(["unfinished"]));
        await alice.CanUpdate(submission, new SetAuthors([new ContributingAuthor("Alice Smith", alice.Account.Email, "University of Bristol", null, true)]));

        await alice.CannotSubmit(submission, because: Because.Missing("abstract", "manuscript"));
    }

    [Fact]
    public async Task An_author_cannot_edit_another_authors_submission()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");
        var bob = await NewAuthor("Bob Brown");

        var submission = await alice.CanStartSubmission(journal, ManuscriptType.ResearchArticle);
        await alice.CanUpdate(submission, new SetTitle("Alice's own work"));

        await bob.CannotUpdate(submission, new SetTitle("Mine now"), because: Because.NotAuthorised);
    }

    [Fact]
    public async Task An_author_cannot_edit_a_manuscript_after_submitting_it()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");

        var submission = await alice.CanStartSubmission(journal, ManuscriptType.ShortCommunication);
        await alice.CanCompleteManuscript(submission, "A finished short communication");
        await alice.CanSubmit(submission);

        await alice.CannotUpdate(submission, new SetTitle("A better title, too late"), because: Because.NotAllowedInState);
    }
}
