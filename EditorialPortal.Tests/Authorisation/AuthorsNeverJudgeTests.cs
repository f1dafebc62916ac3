using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Authorisation;

/// <summary>
/// An editor-in-chief who writes a manuscript herself meets it only as its author: the outside review's repro (she
/// assigned a handling editor, invited a reviewer and accepted her own paper with an early-decision reason) is refused
/// at every step, with the reason in words.
/// </summary>
public sealed class AuthorsNeverJudgeTests
{
    private static readonly DateTimeOffset Now = Support.Given.Now;
    private static readonly Guid Id = Support.Given.SubmissionId;
    private static readonly Guid JournalId = Support.Given.JournalId;
    private static readonly Actor Erin = new(Guid.Parse("00000000-0000-0000-0000-00000000e111"), "Erin Editor", "erin@utoronto.example");
    private static readonly Actor Emma = new(Guid.Parse("00000000-0000-0000-0000-00000000e222"), "Emma Stone", "emma@ucl.example");
    private static readonly Account Hugo = Support.Given.Account(Guid.Parse("00000000-0000-0000-0000-000000000409"), "Hugo Handler", "hugo@uchile.example");
    private static readonly Account Rita = Support.Given.Account(Guid.Parse("00000000-0000-0000-0000-00000000717a"), "Rita Reviewer", "rita@kyoto-u.example");
    private static readonly Guid Invitation = Support.Given.Invitation;

    private static readonly Journal Journal = Support.Given.Journal(ReviewMode.SingleBlind, (Erin.Account, JournalRole.EditorInChief),
        (Emma.Account, JournalRole.EditorInChief), (Hugo.Id, JournalRole.HandlingEditor), (Rita.Id, JournalRole.Reviewer));

    private static Submission Given(params IHistoricalFact[] facts) => Support.Given.Submission(facts);

    private static IHistoricalFact[] SubmittedByErin =>
    [
        new SubmissionStarted(Id, JournalId, ManuscriptType.ResearchArticle, Erin.Account, Now),
        new TitleChanged(Id, "My own results", Erin.Account, Now), new AbstractChanged(Id, "They are good.", Erin.Account, Now),
        new KeywordsChanged(Id, ["self"], Erin.Account, Now),
        new AuthorsChanged(Id, [new("Erin Editor", Erin.Email, "Toronto", null, true)], Erin.Account, Now),
        new ManuscriptFileAttached(Id, 1, "paper.pdf", "application/pdf", 1234, new string('a', 64), Erin.Account, Now),
        new ManuscriptSubmitted(Id, JournalId, 1, Erin.Account, Now)
    ];

    private static IHistoricalFact[] UnderReview =>
    [
        .. SubmittedByErin,
        new HandlingEditorAssigned(Id, Hugo.Id, Emma.Account, Now),
        new ReviewerInvited(Id, Invitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now)
    ];

    private static Refusal.NotAuthorised Refused(Submission state, SubmissionCommand command, Actor actor, Account? subject = null) =>
        Assert.IsType<Refusal.NotAuthorised>(SubmissionDecider.Decide(Id, command, state, Journal, actor, Now, subject).Refusal);

    [Fact]
    public void The_outside_repro_is_refused_at_every_step_with_the_reason_in_words()
    {
        var submitted = Given(SubmittedByErin);
        Assert.Equal(ConflictsOfInterest.AuthorNeverJudges, Refused(submitted, new AssignHandlingEditor(Hugo.Id), Erin, Hugo).Reason);
        Assert.Equal(ConflictsOfInterest.AuthorNeverJudges, Refused(submitted, new DeskReject("Not for us."), Erin).Reason);

        var underReview = Given(UnderReview);
        Assert.Equal(ConflictsOfInterest.AuthorNeverJudges, Refused(underReview, new InviteReviewer(Guid.NewGuid(), Rita.Id, Now.AddDays(7), Now.AddDays(30)), Erin, Rita).Reason);
        var accept = Refused(underReview, new RecordDecision(DecisionKind.Accept, "Dear Erin, accepted.", "The reviewer is slow."), Erin);
        Assert.Equal(ConflictsOfInterest.AuthorNeverJudges, accept.Reason);
        Assert.Contains("an author never judges their own work", accept.Message);
    }

    [Fact]
    public void Her_decisions_after_the_fact_are_refused_too_confirming_rescinding_and_reassigning()
    {
        var recommended = Given([.. UnderReview, new DecisionRecommended(Id, 1, DecisionKind.Accept, "Accepted.", "Early", Hugo.Id, Now)]);
        Refused(recommended, new ConfirmDecision("Accepted."), Erin);
        Refused(recommended, new ReturnRecommendation("Be kinder."), Erin);
        var rejected = Given([.. UnderReview, new DecisionRecorded(Id, 1, DecisionKind.Reject, "Rejected.", "Early", Hugo.Id, Now)]);
        Refused(rejected, new RescindDecision("I disagree."), Erin);
        Refused(Given(UnderReview), new AssignHandlingEditor(Emma.Account), Erin, Support.Given.Account(Emma));
        Refused(Given(UnderReview), new DeclareConflict("It is mine."), Erin);
    }

    [Fact]
    public void Another_editor_in_chief_triages_it_as_usual()
    {
        var facts = SubmissionDecider.Decide(Id, new AssignHandlingEditor(Hugo.Id), Given(SubmittedByErin), Journal, Emma, Now, Hugo).Facts;
        Assert.IsType<HandlingEditorAssigned>(Assert.Single(facts));
    }

    [Fact]
    public void She_still_acts_as_its_author()
    {
        var facts = SubmissionDecider.Decide(Id, new RequestWithdrawal("An error in the data."), Given(UnderReview), Journal, Erin, Now).Facts;
        Assert.IsType<WithdrawalRequested>(Assert.Single(facts));
    }

    [Fact]
    public void An_editor_in_chief_who_declared_a_conflict_no_longer_triages_it()
    {
        var alice = new Actor(Guid.Parse("00000000-0000-0000-0000-00000000a11c"), "Alice Author", "alice@uni-bristol.example");
        IHistoricalFact[] byAlice =
        [
            new SubmissionStarted(Id, JournalId, ManuscriptType.ResearchArticle, alice.Account, Now),
            new AuthorsChanged(Id, [new("Alice Author", alice.Email, "Bristol", null, true)], alice.Account, Now),
            new ManuscriptSubmitted(Id, JournalId, 1, alice.Account, Now),
            new ConflictDeclared(Id, Emma.Account, "I supervised the author.", Emma.Account, Now)
        ];
        Assert.Equal(ConflictsOfInterest.ConflictedNeverJudges, Refused(Given(byAlice), new AssignHandlingEditor(Hugo.Id), Emma, Hugo).Reason);
        Assert.Empty(SubmissionDecider.Decide(Id, new DeclareConflict("Still."), Given(byAlice), Journal, Emma, Now).Facts);
    }

    [Fact]
    public void A_manuscript_waits_for_an_editor_without_a_conflict_when_every_editor_in_chief_wrote_it_or_declared_one()
    {
        var erin = Support.Given.Account(Erin);
        var emma = Support.Given.Account(Emma);
        var submitted = Given(SubmittedByErin);
        Assert.True(ConflictsOfInterest.NeedsAnEditorWithoutAConflict(submitted, [erin]));
        Assert.False(ConflictsOfInterest.NeedsAnEditorWithoutAConflict(submitted, [erin, emma]));
        var conflicted = Given([.. SubmittedByErin, new ConflictDeclared(Id, Emma.Account, "A friend.", Emma.Account, Now)]);
        Assert.True(ConflictsOfInterest.NeedsAnEditorWithoutAConflict(conflicted, [erin, emma]));
        Assert.False(ConflictsOfInterest.NeedsAnEditorWithoutAConflict(Given([.. SubmittedByErin, new SubmissionWithdrawn(Id, Erin.Account, Now)]), [erin]));
    }
}
