using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using Xunit;

namespace EditorialPortal.Tests.Review;

/// <summary>Invitations, reviews and decisions of one round, and what each person may learn of them.</summary>
public sealed class ReviewDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Account Alice = Person(0xa11c, "Alice Smith", "alice@bristol.ac.uk", "University of Bristol");
    private static readonly Account Hugo = Person(0x409, "Hugo Handler", "hugo@uchile.cl", "Universidad de Chile");
    private static readonly Account Rita = Person(0x417a, "Rita Reyes", "rita@kyoto-u.ac.jp", "Kyoto University");
    private static readonly Account Sven = Person(0x5e, "Sven Svensson", "sven@lu.se", "Lund University");
    private static readonly Account Bert = Person(0xbe, "Bert Bristol", "bert@bristol.ac.uk", "Another department");
    private static readonly Guid RitaInvitation = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    private static Account Person(int n, string name, string email, string affiliation)
    {
        var id = new Guid($"00000000-0000-0000-0000-{n:D12}");
        return Account.Fold(null, new AccountRegistered(id, name, email, affiliation, null, id, Now))!;
    }

    private static Actor Acting(Account a) => new(a.Id, a.Name, a.Email);

    private static Journal JournalWith(ReviewMode mode = ReviewMode.SingleBlind, int required = 2) => new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now, mode, required),
        new JournalRoleGranted(JournalId, Hugo.Id, JournalRole.HandlingEditor, Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static IHistoricalFact[] WithHugo =>
    [
        new SubmissionStarted(Id, JournalId, ManuscriptType.ResearchArticle, Alice.Id, Now),
        new TitleChanged(Id, "Tidal mixing", Alice.Id, Now), new AbstractChanged(Id, "We measured it.", Alice.Id, Now),
        new KeywordsChanged(Id, ["tides"], Alice.Id, Now),
        new AuthorsChanged(Id, [new("Alice Smith", Alice.Email, Alice.Affiliation, null, true)], Alice.Id, Now),
        new ManuscriptFileAttached(Id, 1, "paper.pdf", "application/pdf", 1234, new string('a', 64), Alice.Id, Now),
        new ManuscriptSubmitted(Id, JournalId, 1, Alice.Id, Now),
        new HandlingEditorAssigned(Id, Hugo.Id, Guid.Empty, Now)
    ];

    private static IHistoricalFact[] RitaReviewing =>
    [
        .. WithHugo,
        new ReviewerInvited(Id, RitaInvitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now),
        new InvitationAccepted(Id, RitaInvitation, Rita.Id, Now)
    ];

    private static Submission Given(params IHistoricalFact[] facts) => facts.Aggregate<IHistoricalFact, Submission?>(null, Submission.Fold)!;

    private static Decision When(Submission s, SubmissionCommand c, Account actor, Account? subject = null, Journal? journal = null, DateTimeOffset? at = null,
        IReadOnlySet<string>? coauthors = null) =>
        SubmissionDecider.Decide(Id, c, s, journal ?? JournalWith(), Acting(actor), at ?? Now, subject, coauthors);

    private static InviteReviewer Invite(Account reviewer, string? reason = null) => new(Guid.NewGuid(), reviewer.Id, Now.AddDays(7), Now.AddDays(30), reason);

    [Fact]
    public void An_invitation_of_an_earlier_round_is_neither_accepted_nor_declined_nor_reviewed_once_the_revision_starts_a_new_round()
    {
        var svenInvitation = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
        var nextRound = Given([.. RitaReviewing,
            new ReviewerInvited(Id, svenInvitation, Sven.Id, 1, 2, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now),
            new DecisionRecorded(Id, 1, DecisionKind.MinorRevision, "Please revise.", "Enough for a revision", Hugo.Id, Now),
            new ManuscriptFileAttached(Id, 2, "paper-v2.pdf", "application/pdf", 1234, new string('b', 64), Alice.Id, Now),
            new RevisionSubmitted(Id, 2, 2, "Revised.", Alice.Id, Now),
            new ReviewerInvited(Id, Guid.Parse("00000000-0000-0000-0000-0000000000c3"), Bert.Id, 2, 3, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now)]);

        Assert.Equal(SubmissionStatus.UnderReview, nextRound.Status);
        Assert.Contains("round 1 ended", Assert.IsType<Refusal.NotAllowedInState>(When(nextRound, new AcceptInvitation(svenInvitation), Sven).Refusal).Message);
        Assert.IsType<Refusal.NotAllowedInState>(When(nextRound, new DeclineInvitation(svenInvitation, "Busy"), Sven).Refusal);
        Assert.Contains("round 1 ended", Assert.IsType<Refusal.NotAllowedInState>(
            When(nextRound, new SubmitReview(RitaInvitation, Recommendation.Accept, "Late words for the old version.", ""), Rita).Refusal).Message);
        Assert.IsType<Refusal.NotAllowedInState>(ReviewDraft.Save(nextRound, RitaInvitation, new SaveReviewDraft(Id, Recommendation.Accept, "Draft", ""), null, Acting(Rita), Now).Refusal);
    }

    [Fact]
    public void The_handling_editor_invites_a_reviewer_and_review_begins()
    {
        var invited = Assert.IsType<ReviewerInvited>(Assert.Single(When(Given(WithHugo), Invite(Rita), Hugo, Rita).Facts));
        Assert.Equal((Rita.Id, 1, 1), (invited.Reviewer, invited.Round, invited.ReviewerNumber));
        Assert.Equal(SubmissionStatus.UnderReview, Submission.Fold(Given(WithHugo), invited)!.Status);
    }

    [Fact]
    public void An_author_is_never_invited_to_review_their_own_manuscript() =>
        Assert.Contains("is an author", Assert.IsType<Refusal.Invalid>(When(Given(WithHugo), Invite(Alice), Hugo, Alice).Refusal).Message);

    [Fact]
    public void Inviting_a_colleague_of_the_author_needs_a_recorded_reason()
    {
        var refusal = Assert.IsType<Refusal.Invalid>(When(Given(WithHugo), Invite(Bert), Hugo, Bert).Refusal);
        Assert.Equal("conflict", refusal.Errors[0].Field);
        Assert.Contains("bristol.ac.uk", refusal.Message);
        var invited = Assert.IsType<ReviewerInvited>(Assert.Single(When(Given(WithHugo), Invite(Bert, "The only expert on tidal mixing"), Hugo, Bert).Facts));
        Assert.Equal("The only expert on tidal mixing", invited.ConflictOverride);
    }

    [Fact]
    public void Someone_who_wrote_with_the_author_elsewhere_needs_a_recorded_reason_too() =>
        Assert.Contains("another manuscript", Assert.IsType<Refusal.Invalid>(
            When(Given(WithHugo), Invite(Sven), Hugo, Sven, coauthors: new HashSet<string> { Sven.Email }).Refusal).Message);

    [Fact]
    public void A_reviewer_keeps_their_number_and_a_new_reviewer_gets_the_next()
    {
        var sven = Assert.IsType<ReviewerInvited>(Assert.Single(When(Given(RitaReviewing), Invite(Sven), Hugo, Sven).Facts));
        Assert.Equal(2, sven.ReviewerNumber);
        Assert.IsType<Refusal.Invalid>(When(Given(RitaReviewing), Invite(Rita), Hugo, Rita).Refusal);
    }

    [Fact]
    public void The_invited_reviewer_accepts_or_declines_with_a_suggestion_and_nobody_else_can()
    {
        var invited = Given([.. WithHugo, new ReviewerInvited(Id, RitaInvitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now)]);
        Assert.IsType<InvitationAccepted>(Assert.Single(When(invited, new AcceptInvitation(RitaInvitation), Rita).Facts));
        var declined = Assert.IsType<InvitationDeclined>(Assert.Single(When(invited, new DeclineInvitation(RitaInvitation, "On leave", "Sven Svensson, Lund"), Rita).Facts));
        Assert.Equal(("On leave", "Sven Svensson, Lund"), (declined.Reason, declined.SuggestedReviewer));
        Assert.IsType<Refusal.NotAuthorised>(When(invited, new AcceptInvitation(RitaInvitation), Sven).Refusal);
        Assert.IsType<Refusal.NotAuthorised>(When(invited, new AcceptInvitation(RitaInvitation), Hugo).Refusal);
    }

    [Fact]
    public void An_invitation_not_answered_in_time_has_expired()
    {
        var invited = Given([.. WithHugo, new ReviewerInvited(Id, RitaInvitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now)]);
        Assert.IsType<Refusal.NotAllowedInState>(When(invited, new AcceptInvitation(RitaInvitation), Rita, at: Now.AddDays(8)).Refusal);
        Assert.Equal("Invitation expired", invited.Assignments.Single().Describe(Now.AddDays(8)));
    }

    [Fact]
    public void A_review_needs_comments_for_the_author_and_then_cannot_be_changed()
    {
        Assert.Equal("commentsToAuthor", Assert.Single(Assert.IsType<Refusal.Invalid>(
            When(Given(RitaReviewing), new SubmitReview(RitaInvitation, Recommendation.MinorRevision, " ", "secret"), Rita).Refusal).Errors).Field);
        var submitted = Assert.IsType<ReviewSubmitted>(Assert.Single(When(Given(RitaReviewing), new SubmitReview(RitaInvitation, Recommendation.MinorRevision, "Clarify Figure 2.", "Solid work."), Rita).Facts));
        var after = Submission.Fold(Given(RitaReviewing), submitted)!;
        Assert.Equal(1, after.ReviewsIn);
        Assert.IsType<Refusal.NotAllowedInState>(When(after, new SubmitReview(RitaInvitation, Recommendation.Reject, "Changed my mind.", ""), Rita).Refusal);
    }

    [Fact]
    public void A_decision_waits_for_the_required_reviews_unless_the_editor_says_why()
    {
        var oneReview = Submission.Fold(Given(RitaReviewing), new ReviewSubmitted(Id, RitaInvitation, Recommendation.Accept, "Fine.", "", Rita.Id, Now))!;
        Assert.Equal("earlyDecisionReason", Assert.Single(Assert.IsType<Refusal.Invalid>(When(oneReview, new RecordDecision(DecisionKind.Accept, "Accepted."), Hugo).Refusal).Errors).Field);
        var decided = Assert.IsType<DecisionRecorded>(Assert.Single(When(oneReview, new RecordDecision(DecisionKind.MinorRevision, "Please revise.", "The second reviewer withdrew"), Hugo).Facts));
        var after = Submission.Fold(oneReview, decided)!;
        Assert.Equal((SubmissionStatus.RevisionRequested, "Please revise."), (after.Status, after.MessageToAuthor));
        Assert.IsType<Refusal.NotAllowedInState>(When(after, new RecordDecision(DecisionKind.Accept, "Again."), Hugo).Refusal);
    }

    [Fact]
    public void A_revision_needs_the_revised_file_and_a_response_and_starts_the_next_round_with_the_previous_reviewers()
    {
        var revise = Submission.Fold(Submission.Fold(Given(RitaReviewing), new ReviewSubmitted(Id, RitaInvitation, Recommendation.MajorRevision, "Validate the model.", "", Rita.Id, Now))!,
            new DecisionRecorded(Id, 1, DecisionKind.MajorRevision, "Please revise.", "One is enough", Hugo.Id, Now))!;
        Assert.Equal("manuscript", Assert.IsType<Refusal.Invalid>(When(revise, new SubmitRevision("Done."), Alice).Refusal).Errors[0].Field);

        var attached = Assert.IsType<ManuscriptFileAttached>(Assert.Single(When(revise, new AttachManuscript("v2.pdf", "application/pdf", 99, new string('b', 64)), Alice).Facts));
        Assert.Equal(2, attached.ManuscriptVersion);
        var revised = Assert.IsType<RevisionSubmitted>(Assert.Single(When(Submission.Fold(revise, attached)!, new SubmitRevision("Validated against field data."), Alice).Facts));
        var round2 = Submission.Fold(Submission.Fold(revise, attached), revised)!;
        Assert.Equal((SubmissionStatus.WithEditor, 2, 2), (round2.Status, round2.Round, round2.ManuscriptVersion));

        var again = Assert.IsType<ReviewerInvited>(Assert.Single(When(round2, new ReinvitePreviousReviewers(Now.AddDays(7), Now.AddDays(30)), Hugo).Facts));
        Assert.Equal((Rita.Id, 2, 1), (again.Reviewer, again.Round, again.ReviewerNumber));
        Assert.IsType<Refusal.NotAllowedInState>(When(Submission.Fold(round2, again)!, new ReinvitePreviousReviewers(Now.AddDays(7), Now.AddDays(30)), Hugo).Refusal);
    }

    [Fact]
    public void Authors_never_learn_who_reviewed_nor_what_was_written_for_the_editor()
    {
        var reviewed = Submission.Fold(Given(RitaReviewing), new ReviewSubmitted(Id, RitaInvitation, Recommendation.Accept, "Fine.", "Between us: weak stats.", Rita.Id, Now))!;
        Assert.Empty(Blinding.AsSeenBy(reviewed, JournalWith(), Acting(Alice)).Assignments);
        reviewed = Submission.Fold(reviewed, new DecisionRecorded(Id, 1, DecisionKind.Accept, "Accepted.", "One is enough", Hugo.Id, Now))!;
        var seen = Blinding.AsSeenBy(reviewed, JournalWith(), Acting(Alice));
        var review = Assert.Single(seen.Assignments);
        Assert.Equal((Guid.Empty, "", "Fine."), (review.Reviewer, review.Review!.ConfidentialCommentsToEditor, review.Review.CommentsToAuthor));
        var names = Blinding.NamesFor(reviewed, JournalWith(), Acting(Alice), new Dictionary<Guid, string> { [Rita.Id] = Rita.Name });
        Assert.Equal("Reviewer 1", names[Rita.Id]);
    }

    [Fact]
    public void In_double_blind_review_the_reviewer_never_learns_the_authors()
    {
        var journal = JournalWith(ReviewMode.DoubleBlind);
        var seen = Blinding.AsSeenBy(Given(RitaReviewing), journal, Acting(Rita));
        Assert.Empty(seen.Authors);
        Assert.Equal(Guid.Empty, seen.SubmittingAuthor);
        Assert.Equal("An author", Blinding.NamesFor(Given(RitaReviewing), journal, Acting(Rita), new Dictionary<Guid, string> { [Alice.Id] = Alice.Name })[Alice.Id]);
        Assert.False(Blinding.Shows(new AuthorsChanged(Id, [], Alice.Id, Now), Given(RitaReviewing), journal, Acting(Rita)));
        Assert.Equal(Alice.Name, Blinding.AsSeenBy(Given(RitaReviewing), JournalWith(ReviewMode.SingleBlind), Acting(Rita)).CorrespondingAuthor);
    }

    [Fact]
    public void Authors_learn_neither_how_many_reviews_are_in_nor_when_each_came_until_the_decision()
    {
        var reviewed = Given([.. RitaReviewing, new ReviewSubmitted(Id, RitaInvitation, Recommendation.Accept, "Fine.", "", Rita.Id, Now)]);
        var review = new ReviewSubmitted(Id, RitaInvitation, Recommendation.Accept, "Fine.", "", Rita.Id, Now);
        var asAlice = Acting(Alice);
        Assert.False(Blinding.Shows(review, reviewed, JournalWith(), asAlice));
        Assert.Equal(0, Blinding.AsSeenBy(reviewed, JournalWith(), asAlice).ReviewsIn);

        var decided = Submission.Fold(reviewed, new DecisionRecorded(Id, 1, DecisionKind.Accept, "Accepted.", "One review", Hugo.Id, Now))!;
        Assert.True(Blinding.Shows(review, decided, JournalWith(), asAlice));
        Assert.Equal(1, Blinding.AsSeenBy(decided, JournalWith(), asAlice).ReviewsIn);
    }

    [Fact]
    public void A_decision_letter_that_names_a_reviewer_is_refused_unless_review_is_open()
    {
        var reviewed = Given([.. RitaReviewing, new ReviewSubmitted(Id, RitaInvitation, Recommendation.Accept, "Fine.", "", Rita.Id, Now)]);
        var names = new Dictionary<Guid, string> { [Rita.Id] = Rita.Name };
        var naming = new RecordDecision(DecisionKind.Accept, "Dear author, as rita reyes says, it is fine.", "One review");
        var refusal = Assert.IsType<Refusal.Invalid>(SubmissionDecider.Decide(Id, naming, reviewed, JournalWith(), Acting(Hugo), Now, reviewerNames: names).Refusal);
        Assert.Equal("letter", refusal.Errors[0].Field);
        Assert.IsType<DecisionRecorded>(Assert.Single(SubmissionDecider.Decide(Id, naming, reviewed, JournalWith(ReviewMode.Open), Acting(Hugo), Now, reviewerNames: names).Facts));
        Assert.IsType<DecisionRecorded>(Assert.Single(SubmissionDecider.Decide(Id, naming with { Letter = "Dear author, Reviewer 1 finds it fine." }, reviewed, JournalWith(),
            Acting(Hugo), Now, reviewerNames: names).Facts));
    }
}
