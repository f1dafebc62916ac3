using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Triage;

/// <summary>The editor-in-chief's first look at each new manuscript.</summary>
public abstract class Triaging(IProtocol protocol) : Scenario(protocol)
{
    private async Task<SubmissionRef> Submitted(Person author, JournalRef journal, string title, params ContributingAuthor[] coauthors)
    {
        var submission = await author.CanStartSubmission(journal, ManuscriptType.ResearchArticle);
        await author.CanCompleteManuscript(submission, title);
        if (coauthors.Length > 0)
            await author.CanUpdate(submission, new SetAuthors([new ContributingAuthor(author.Name, author.Account.Email, "Bristol", null, true), .. coauthors]));
        await author.CanSubmit(submission);
        return submission;
    }

    [Fact]
    public async Task The_editor_in_chief_returns_an_incomplete_manuscript_and_the_author_submits_it_again()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");
        var erin = await NewEditor("Erin Jones", journal);
        var submission = await Submitted(alice, journal, "Line numbers are missing");

        await erin.CanTriage(submission, new ReturnToAuthor("Please add line numbers and resubmit."));
        await alice.SeesSubmission(submission, "Draft", "Erin Jones returned the manuscript to its author: “Please add line numbers and resubmit.”");

        await alice.CanSubmit(submission);
        await erin.SeesAtTopOfNewSubmissions(journal, submission, "Line numbers are missing");
    }

    [Fact]
    public async Task The_editor_in_chief_assigns_a_handling_editor_but_never_one_who_co_authored_the_manuscript()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");
        var erin = await NewEditor("Erin Jones", journal);
        var hugo = await NewStaffMember("Hugo Handler", journal, JournalRole.HandlingEditor);
        var carl = await NewStaffMember("Carl Coauthor", journal, JournalRole.HandlingEditor);
        var submission = await Submitted(alice, journal, "Written with Carl", new ContributingAuthor("Carl Coauthor", carl.Account.Email, "Bristol", null, false));

        await erin.CannotTriage(submission, new AssignHandlingEditor(carl.Account.Id), because: Because.Missing("editor"));
        await erin.CanTriage(submission, new AssignHandlingEditor(hugo.Account.Id));

        await erin.SeesSubmission(submission, "With a handling editor", "Erin Jones assigned Hugo Handler as handling editor");
        await erin.DoesNotSeeInNewSubmissions(journal, submission);
    }

    [Fact]
    public async Task The_editor_in_chief_rejects_a_manuscript_at_the_desk_and_the_author_reads_the_letter()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");
        var erin = await NewEditor("Erin Jones", journal);
        var submission = await Submitted(alice, journal, "Far outside the journal's scope");

        await erin.CanTriage(submission, new DeskReject("Dear Alice Smith, this manuscript is outside our scope."));

        await alice.SeesSubmission(submission, "Rejected", "Erin Jones rejected the manuscript at the desk");
    }

    [Fact]
    public async Task An_editor_in_chief_meets_her_own_manuscript_only_as_its_author_and_another_editor_in_chief_takes_it_on()
    {
        var journal = await NewJournal();
        var erin = await NewEditor("Erin Jones", journal);
        var ada = await NewJournalAdministrator("Ada Admin", journal);
        var hugo = await NewStaffMember("Hugo Handler", journal, JournalRole.HandlingEditor);
        var rita = await NewStaffMember("Rita Reviewer", journal, JournalRole.Reviewer);
        var submission = await Submitted(erin, journal, "Erin's own results");

        await erin.DoesNotSeeInNewSubmissions(journal, submission);
        await erin.CannotTriage(submission, new AssignHandlingEditor(hugo.Account.Id), because: Because.NotAuthorised);
        await ada.SeesItNeedsAnEditorWithoutAConflict(journal, submission, "Erin's own results");

        var emma = await NewEditor("Emma Stone", journal);
        await ada.SeesItNoLongerNeedsAnEditorWithoutAConflict(journal, submission);
        await emma.SeesAtTopOfNewSubmissions(journal, submission, "Erin's own results");
        await emma.CanTriage(submission, new AssignHandlingEditor(hugo.Account.Id));
        await hugo.CanInvite(submission, rita);

        await erin.CannotInvite(submission, rita, because: Because.NotAuthorised);
        await erin.CannotDecide(submission, DecisionKind.Accept, because: Because.NotAuthorised);
        await erin.SeesSubmission(submission, "Under review");
    }

    [Fact]
    public async Task A_handling_editor_cannot_triage()
    {
        var journal = await NewJournal();
        var alice = await NewAuthor("Alice Smith");
        var hugo = await NewStaffMember("Hugo Handler", journal, JournalRole.HandlingEditor);
        var submission = await Submitted(alice, journal, "Not Hugo's to triage");

        await hugo.CannotTriage(submission, new ReturnToAuthor("Go away"), because: Because.NotAuthorised);
    }
}
