using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Review;

/// <summary>The set-up peer review scenarios share: a manuscript with its handling editor, and reviewers who accept.</summary>
public abstract class ReviewScenario(IProtocol protocol) : Scenario(protocol)
{
    protected sealed record UnderWay(JournalRef Journal, Person Alice, Person Hugo, SubmissionRef Submission, Person Erin);

    protected async Task<UnderWay> WithHandlingEditor(ReviewMode mode = ReviewMode.SingleBlind, params ContributingAuthor[] coauthors)
    {
        var journal = await Backstage.NewJournal(mode: mode);
        var alice = await NewAuthor("Alice Smith");
        var erin = await NewEditor("Erin Jones", journal);
        var hugo = await NewStaffMember("Hugo Handler", journal, JournalRole.HandlingEditor);
        var submission = await alice.CanStartSubmission(journal, ManuscriptType.ResearchArticle);
        await alice.CanCompleteManuscript(submission, "Tidal mixing feeds coastal plankton");
        if (coauthors.Length > 0)
            await alice.CanUpdate(submission, new SetAuthors([new ContributingAuthor("Alice Smith", alice.Account.Email, "University of Alice Smith", null, true), .. coauthors]));
        await alice.CanSubmit(submission);
        await erin.CanTriage(submission, new AssignHandlingEditor(hugo.Account.Id));
        return new UnderWay(journal, alice, hugo, submission, erin);
    }

    protected async Task<(Person Rita, Person Sven)> TwoReviewersAccept(Person handlingEditor, SubmissionRef submission)
    {
        var rita = await NewPerson("Rita Reyes");
        var sven = await NewPerson("Sven Svensson");
        await handlingEditor.CanInvite(submission, rita);
        await handlingEditor.CanInvite(submission, sven);
        await rita.CanAcceptTheInvitation(submission);
        await sven.CanAcceptTheInvitation(submission);
        return (rita, sven);
    }
}

/// <summary>Peer review from the handling editor's invitations to the decision, with each person seeing only what they may.</summary>
public abstract class PeerReview(IProtocol protocol) : ReviewScenario(protocol)
{
    [Fact]
    public async Task Two_reviewers_accept_and_review_and_the_handling_editor_accepts_the_manuscript()
    {
        var (_, alice, hugo, submission, _) = await WithHandlingEditor();
        var (rita, sven) = await TwoReviewersAccept(hugo, submission);

        await rita.CanReview(submission, Recommendation.MinorRevision, "Clarify the sampling in Figure 2.", "Solid work, weak statistics.");
        await hugo.CannotDecide(submission, DecisionKind.Accept, because: Because.Missing("earlyDecisionReason"));
        await sven.CanReview(submission, Recommendation.Accept, "A clear and careful study.", "");

        await hugo.CanDecide(submission, DecisionKind.Accept, "Dear Alice Smith, your manuscript is accepted.");

        await alice.SeesSubmission(submission, "Accepted", "Hugo Handler decided: accept (round 1)", "Reviewer 1 submitted a review");
        await alice.SeesReviews(submission, ("Reviewer 1", "Clarify the sampling in Figure 2."), ("Reviewer 2", "A clear and careful study."));
        await alice.NeverSeesTheNamesOf(submission, "Rita Reyes", "Sven Svensson");
    }

    [Fact]
    public async Task A_manuscript_is_revised_after_a_major_revision_decision_reviewed_again_and_accepted()
    {
        var (_, alice, hugo, submission, _) = await WithHandlingEditor();
        var (rita, sven) = await TwoReviewersAccept(hugo, submission);
        await rita.CanReview(submission, Recommendation.MajorRevision, "Validate the model against field data.", "");
        await sven.CanReview(submission, Recommendation.MinorRevision, "Shorten the introduction.", "");
        await hugo.CanDecide(submission, DecisionKind.MajorRevision, "Dear Alice Smith, please revise as the reviewers ask.");
        await alice.SeesSubmission(submission, "Revision requested", "Hugo Handler decided: major revision (round 1)");

        await alice.CanReviseAndResubmit(submission, "We validated the model against two field campaigns and shortened the introduction.");
        await hugo.CanInviteThePreviousReviewersAgain(submission);
        await rita.CanAcceptTheInvitation(submission);
        await sven.CanAcceptTheInvitation(submission);
        await rita.CanReview(submission, Recommendation.Accept, "The validation convinces me.", "");
        await sven.CanReview(submission, Recommendation.Accept, "Much improved.", "");
        await hugo.CanDecide(submission, DecisionKind.Accept, "Dear Alice Smith, your revised manuscript is accepted.");

        await alice.SeesSubmission(submission, "Accepted",
            "Alice Smith submitted version 2 of the manuscript, a revision for round 2", "Hugo Handler decided: accept (round 2)");
        await alice.SeesReviews(submission,
            ("Reviewer 1", "Validate the model against field data."), ("Reviewer 2", "Shorten the introduction."),
            ("Reviewer 1", "The validation convinces me."), ("Reviewer 2", "Much improved."));
    }

    [Fact]
    public async Task An_author_withdraws_the_manuscript_before_the_decision_and_its_reviewer_is_stopped()
    {
        var (_, alice, hugo, submission, _) = await WithHandlingEditor();
        var rita = await NewPerson("Rita Reyes");
        await hugo.CanInvite(submission, rita);
        await rita.CanAcceptTheInvitation(submission);

        await alice.CanAskToWithdraw(submission, "We found an error in the field data.");
        await hugo.CanConfirmTheWithdrawal(submission);

        await alice.SeesSubmission(submission, "Withdrawn",
            "Alice Smith asked to withdraw the manuscript: “We found an error in the field data.”", "Hugo Handler confirmed the withdrawal of the manuscript");
        await rita.CannotReview(submission, because: Because.NotAllowedInState);
    }

    [Fact]
    public async Task Two_editors_decide_at_the_same_moment_and_exactly_one_decision_is_recorded()
    {
        var (_, alice, hugo, submission, erin) = await WithHandlingEditor();
        var rita = await NewPerson("Rita Reyes");
        await hugo.CanInvite(submission, rita);
        await rita.CanAcceptTheInvitation(submission);
        await rita.CanReview(submission, Recommendation.Accept, "Convincing.", "");

        var answers = await Task.WhenAll(
            hugo.TriesToDecide(submission, DecisionKind.Accept, "Accepted, says Hugo.", beforeAllReviewsBecause: "One review suffices"),
            erin.TriesToDecide(submission, DecisionKind.Reject, "Rejected, says Erin.", beforeAllReviewsBecause: "One review suffices"));

        Assert.Single(answers, a => a is null);
        Assert.Single(answers, a => a is { Kind: "ConcurrentChange" or "NotAllowedInState" });
        await alice.SeesExactlyOneDecision(submission);
    }

    [Fact]
    public async Task A_reviewer_declines_and_suggests_someone_else_who_is_invited_and_accepts()
    {
        var (_, _, hugo, submission, _) = await WithHandlingEditor();
        var rita = await NewPerson("Rita Reyes");
        var sven = await NewPerson("Sven Svensson");

        await hugo.CanInvite(submission, rita);
        await rita.CanDeclineTheInvitation(submission, "On leave until March.", "Sven Svensson, Lund University");
        await hugo.SeesSubmission(submission, "Under review", "Rita Reyes declined the invitation to review: “On leave until March.”");

        await hugo.CanInvite(submission, sven);
        await sven.CanAcceptTheInvitation(submission);
        await sven.SeesSubmission(submission, "Under review", "Sven Svensson accepted the invitation to review");
    }

    [Fact]
    public async Task The_handling_editor_cannot_invite_the_manuscripts_author_or_a_co_author_to_review_it()
    {
        var carl = await NewPerson("Carl Coauthor");
        var (_, alice, hugo, submission, _) = await WithHandlingEditor(coauthors: new ContributingAuthor("Carl Coauthor", carl.Account.Email, "Elsewhere", null, false));

        await hugo.CannotInvite(submission, alice, because: Because.Missing("reviewer"));
        await hugo.CannotInvite(submission, carl, because: Because.Missing("reviewer"));
    }

    [Fact]
    public async Task Someone_who_wrote_another_manuscript_here_with_the_author_is_flagged_and_invited_only_with_a_reason()
    {
        var (journal, alice, hugo, submission, _) = await WithHandlingEditor();
        var carl = await NewPerson("Carl Coauthor");
        var earlier = await alice.CanStartSubmission(journal, ManuscriptType.ResearchArticle);
        await alice.CanCompleteManuscript(earlier, "Plankton blooms after storms");
        await alice.CanUpdate(earlier, new SetAuthors([new ContributingAuthor("Alice Smith", alice.Account.Email, "University of Alice Smith", null, true),
            new ContributingAuthor("Carl Coauthor", carl.Account.Email, "Elsewhere", null, false)]));

        await hugo.CannotInvite(submission, carl, because: Because.Missing("conflict"));
        await hugo.CanInvite(submission, carl, despiteConflictBecause: "The joint paper was a large consortium; they never worked together.");
    }

    [Fact]
    public async Task In_a_double_blind_journal_the_reviewer_never_learns_the_authors_and_the_authors_never_learn_the_reviewer()
    {
        var (_, alice, hugo, submission, _) = await WithHandlingEditor(ReviewMode.DoubleBlind);
        var rita = await NewPerson("Rita Reyes");

        await hugo.CanInvite(submission, rita);
        await rita.CanAcceptTheInvitation(submission);
        await rita.NeverSeesTheNamesOf(submission, "Alice Smith");
        await rita.CanReview(submission, Recommendation.MajorRevision, "The model needs validating against field data.", "I know this group's earlier work.");
        await hugo.CanDecide(submission, DecisionKind.MajorRevision, "Dear author, please revise.\n\nReviewer 1: The model needs validating against field data.",
            beforeAllReviewsBecause: "One thorough review settles it");

        await alice.SeesReviews(submission, ("Reviewer 1", "The model needs validating against field data."));
        await alice.NeverSeesTheNamesOf(submission, "Rita Reyes");
        await rita.NeverSeesTheNamesOf(submission, "Alice Smith");
    }

    [Fact]
    public async Task An_invited_reviewer_accepts_from_the_link_in_the_invitation_without_signing_in()
    {
        var (_, _, hugo, submission, _) = await WithHandlingEditor();
        var rita = await NewPerson("Rita Reyes");
        await hugo.CanInvite(submission, rita);

        await Visitor().CanAnswerTheInvitationMailedTo(rita.Account.Email, accept: true);

        await hugo.SeesSubmission(submission, "Under review", "Rita Reyes accepted the invitation to review");
        await Visitor().CannotAnswerTheInvitationMailedTo(rita.Account.Email, accept: false, because: Because.NotAllowedInState);
    }

    [Fact]
    public async Task The_author_is_told_of_the_decision_by_mail_and_the_mail_names_no_reviewer()
    {
        var (_, alice, hugo, submission, _) = await WithHandlingEditor();
        var rita = await NewPerson("Rita Reyes");
        await hugo.CanInvite(submission, rita);
        await rita.CanAcceptTheInvitation(submission);
        await rita.CanReview(submission, Recommendation.MinorRevision, "Clarify Figure 2.", "Rita's private note.");
        await hugo.CanDecide(submission, Domain.Journals.DecisionKind.MinorRevision, "Dear Alice Smith, please revise.\n\nReviewer 1: Clarify Figure 2.",
            beforeAllReviewsBecause: "One careful review suffices");

        var mail = await Mailbox(alice);
        Assert.Contains(mail, m => m.Subject.Contains("We received your manuscript", StringComparison.Ordinal));
        Assert.Contains(mail, m => m.Subject.Contains("Minor revision requested", StringComparison.Ordinal) && m.Body.Contains("Clarify Figure 2.", StringComparison.Ordinal));
        Assert.DoesNotContain(mail, m => m.Body.Contains("Rita", StringComparison.Ordinal) || m.Body.Contains("private note", StringComparison.Ordinal));
    }
}
