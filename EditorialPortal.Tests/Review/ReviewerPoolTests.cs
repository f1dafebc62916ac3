using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using Xunit;

namespace EditorialPortal.Tests.Review;

/// <summary>The authors' suggested and opposed reviewers, and the pool the handling editor searches.</summary>
public sealed class ReviewerPoolTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Account Alice = Person(0xa11c, "Alice Smith", "alice@bristol.ac.uk", "University of Bristol");
    private static readonly Account Hugo = Person(0x409, "Hugo Handler", "hugo@uchile.cl", "Universidad de Chile");
    private static readonly Account Rita = Person(0x417a, "Rita Reyes", "rita@kyoto-u.ac.jp", "Kyoto University") with { Expertise = ["tidal mixing", "plankton"] };
    private static readonly Account Sven = Person(0x5e, "Sven Svensson", "sven@lu.se", "Lund University");

    private static Account Person(int n, string name, string email, string affiliation)
    {
        var id = new Guid($"00000000-0000-0000-0000-{n:D12}");
        return Account.Fold(null, new AccountRegistered(id, name, email, affiliation, null, id, Now))!;
    }

    private static Submission Manuscript(Guid id, params IHistoricalFact[] more) => new IHistoricalFact[]
    {
        new SubmissionStarted(id, JournalId, ManuscriptType.ResearchArticle, Alice.Id, Now.AddDays(-60)),
        new AuthorsChanged(id, [new("Alice Smith", Alice.Email, Alice.Affiliation, null, true)], Alice.Id, Now.AddDays(-60)),
        new ManuscriptSubmitted(id, JournalId, 1, Alice.Id, Now.AddDays(-60)),
        new HandlingEditorAssigned(id, Hugo.Id, Guid.Empty, Now.AddDays(-60))
    }.Concat(more).Aggregate<IHistoricalFact, Submission?>(null, Submission.Fold)!;

    private static readonly Actor AsAlice = new(Alice.Id, Alice.Name, Alice.Email);

    [Fact]
    public void Authors_suggest_and_oppose_reviewers_with_reasons_and_an_opposed_reviewer_needs_a_reason_to_be_invited()
    {
        var draft = new IHistoricalFact[] { new SubmissionStarted(Guid.Empty, JournalId, ManuscriptType.ResearchArticle, Alice.Id, Now) }
            .Aggregate<IHistoricalFact, Submission?>(null, Submission.Fold)!;
        Assert.Equal("reviewerPreferences", Assert.IsType<Refusal.Invalid>(SubmissionDecider.Decide(draft.Id,
            new SetReviewerPreferences([new ReviewerPreference("Sven Svensson", "sven@lu.se", "", true)]), draft, null, AsAlice, Now).Refusal).Errors[0].Field);

        var set = Assert.IsType<ReviewerPreferencesChanged>(Assert.Single(SubmissionDecider.Decide(draft.Id, new SetReviewerPreferences([
            new ReviewerPreference(" Rita Reyes ", "Rita@Kyoto-U.ac.jp", "Knows the method", false),
            new ReviewerPreference("Sven Svensson", "sven@lu.se", "A competing group", true)]), draft, null, AsAlice, Now).Facts));
        Assert.Equal("rita@kyoto-u.ac.jp", set.Preferences[0].Email);

        var underReview = Manuscript(Guid.NewGuid(), set with { Submission = Guid.Empty });
        Assert.Contains("asked that Sven Svensson not review", Assert.Single(ConflictsOfInterest.ReviewerWarnings(underReview, Sven, new HashSet<string>())));
        Assert.Empty(ConflictsOfInterest.ReviewerWarnings(underReview, Rita, new HashSet<string>()));
    }

    [Fact]
    public void A_candidate_shows_their_open_reviews_their_median_time_to_review_and_whether_the_authors_suggested_them()
    {
        Guid Invitation(int n) => new($"00000000-0000-0000-0000-{n:D12}");
        var finishedQuickly = Manuscript(Guid.NewGuid(),
            new ReviewerInvited(Guid.Empty, Invitation(1), Rita.Id, 1, 1, Now.AddDays(-50), Now.AddDays(-20), null, Hugo.Id, Now.AddDays(-55)),
            new InvitationAccepted(Guid.Empty, Invitation(1), Rita.Id, Now.AddDays(-54)),
            new ReviewSubmitted(Guid.Empty, Invitation(1), Recommendation.Accept, "Fine.", "", Rita.Id, Now.AddDays(-44)));
        var finishedSlowly = Manuscript(Guid.NewGuid(),
            new ReviewerInvited(Guid.Empty, Invitation(2), Rita.Id, 1, 1, Now.AddDays(-50), Now.AddDays(-20), null, Hugo.Id, Now.AddDays(-55)),
            new InvitationAccepted(Guid.Empty, Invitation(2), Rita.Id, Now.AddDays(-50)),
            new ReviewSubmitted(Guid.Empty, Invitation(2), Recommendation.Reject, "No.", "", Rita.Id, Now.AddDays(-20)));
        var stillOpen = Manuscript(Guid.NewGuid(),
            new ReviewerInvited(Guid.Empty, Invitation(3), Rita.Id, 1, 1, Now.AddDays(5), Now.AddDays(20), null, Hugo.Id, Now.AddDays(-2)),
            new InvitationAccepted(Guid.Empty, Invitation(3), Rita.Id, Now.AddDays(-1)));
        var forThis = Manuscript(Guid.NewGuid(), new ReviewerPreferencesChanged(Guid.Empty, [new ReviewerPreference("Rita Reyes", Rita.Email, "Knows the method", false)], Alice.Id, Now));

        var rita = ReviewerPool.Describe(Rita, forThis, [finishedQuickly, finishedSlowly, stillOpen], Now);
        Assert.Equal((1, 2, (double?)20.0, "Knows the method", false), (rita.OpenReviews, rita.CompletedInLastYear, rita.MedianDaysToReview, rita.SuggestedBecause, rita.RuledOut));
        Assert.True(ReviewerPool.Describe(Alice, forThis, [], Now).RuledOut);
        Assert.True(ReviewerPool.Matches(Rita, "plankton kyoto"));
        Assert.False(ReviewerPool.Matches(Rita, "plankton lund"));
    }

    [Fact]
    public void Someone_who_declares_a_conflict_neither_handles_nor_reviews_the_manuscript_and_their_open_invitation_is_declined()
    {
        var invitation = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
        var invited = Manuscript(Guid.Empty, new ReviewerInvited(Guid.Empty, invitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now));
        var asRita = new Actor(Rita.Id, Rita.Name, Rita.Email);
        var facts = SubmissionDecider.Decide(Guid.Empty, new DeclareConflict("I supervised the first author."), invited, Journal(), asRita, Now).Facts;
        Assert.Equal([typeof(ConflictDeclared), typeof(InvitationDeclined)], facts.Select(f => f.GetType()));
        var declared = facts.Aggregate(invited, (s, f) => Submission.Fold(s, f)!);

        Assert.True(ConflictsOfInterest.RulesOutReviewer(declared, Rita));
        Assert.Contains("declared a conflict", Assert.IsType<Refusal.Invalid>(SubmissionDecider.Decide(Guid.Empty,
            new InviteReviewer(Guid.NewGuid(), Rita.Id, Now.AddDays(7), Now.AddDays(30)), declared, Journal(), new Actor(Hugo.Id, Hugo.Name, Hugo.Email), Now, Rita).Refusal).Message);
        Assert.Empty(Blinding.AsSeenBy(declared, Journal(), AsAlice).DeclaredConflicts);
        Assert.IsType<Refusal.NotAuthorised>(SubmissionDecider.Decide(Guid.Empty, new DeclareConflict("Nosy."), declared, Journal(), AsAlice, Now).Refusal);
    }

    private static Journal Journal() => new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Hugo.Id, JournalRole.HandlingEditor, Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Domain.Journals.Journal.Fold)!;
}
