using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Tests.Scenarios.Review;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.History;

/// <summary>The record as a product: read as each person may read it, seen as it was at any moment, and proof against editing.</summary>
public abstract class TheHistoricalRecord(IProtocol protocol) : ReviewScenario(protocol)
{
    private async Task<(UnderWay Round, Person Rita, Person Sven)> ReviewedAndDecided(ReviewMode mode)
    {
        var round = await WithHandlingEditor(mode);
        var (rita, sven) = await TwoReviewersAccept(round.Hugo, round.Submission);
        await rita.CanReview(round.Submission, Recommendation.MinorRevision, "Clarify the sampling in Figure 2.", "Rita's private doubt about the statistics.");
        await sven.CanReview(round.Submission, Recommendation.Accept, "A clear and careful study.", "");
        await round.Hugo.CanDecide(round.Submission, DecisionKind.MinorRevision, "Dear author, please revise.");
        return (round, rita, sven);
    }

    [Fact]
    public async Task The_handling_editor_reads_the_whole_history_naming_everyone_who_acted()
    {
        var (round, rita, _) = await ReviewedAndDecided(ReviewMode.SingleBlind);

        await round.Hugo.SeesSubmission(round.Submission, "Revision requested",
            "Alice Smith submitted version 1 of the manuscript", "Erin Jones assigned Hugo Handler as handling editor",
            "Hugo Handler invited Rita Reyes to review round 1", "Rita Reyes accepted the invitation to review", "Rita Reyes submitted a review",
            "Hugo Handler decided: minor revision (round 1)");
        await round.Hugo.ReadsTheRecordOf(round.Submission, said: ["Rita Reyes", rita.Account.Id.ToString(), "Rita's private doubt about the statistics."], neverSaid: []);
    }

    [Fact]
    public async Task In_a_double_blind_journal_the_author_reads_their_history_without_any_reviewer_identity()
    {
        var (round, rita, sven) = await ReviewedAndDecided(ReviewMode.DoubleBlind);

        await round.Alice.SeesSubmission(round.Submission, "Revision requested", "Reviewer 1 submitted a review", "Reviewer 2 submitted a review",
            "Hugo Handler decided: minor revision (round 1)");
        await round.Alice.ReadsTheRecordOf(round.Submission,
            said: ["Reviewer 1", "Clarify the sampling in Figure 2."],
            neverSaid: ["Rita Reyes", "Sven Svensson", rita.Account.Id.ToString(), sven.Account.Id.ToString(), rita.Account.Email, sven.Account.Email,
                "Rita's private doubt about the statistics."]);
    }

    [Fact]
    public async Task The_submission_as_it_was_just_before_the_decision_shows_what_the_editor_had_in_front_of_them()
    {
        var (round, _, _) = await ReviewedAndDecided(ReviewMode.SingleBlind);
        var beforeTheDecision = await round.Hugo.CountsTheFactsOf(round.Submission) - 1;

        await round.Hugo.SeesAsItWas(round.Submission, beforeTheDecision, "Under review",
            historyPhrases: ["Rita Reyes submitted a review", "Sven Svensson submitted a review"], notYetHappened: ["decided:"]);
        await round.Alice.SeesAsItWas(round.Submission, beforeTheDecision, "Under review", historyPhrases: [], notYetHappened: ["decided:", "submitted a review"]);
        await round.Hugo.SeesSubmission(round.Submission, "Revision requested", "Hugo Handler decided: minor revision (round 1)");
    }

    [Fact]
    public async Task A_fact_edited_behind_the_portals_back_is_found_by_the_integrity_analyst_at_its_version()
    {
        var (round, _, _) = await ReviewedAndDecided(ReviewMode.SingleBlind);
        var ivan = await NewStaffMember("Ivan Integrity", round.Journal, JournalRole.IntegrityAnalyst);
        await ivan.VerifiesTheRecord(round.Submission, brokenAt: null);

        var edited = await Backstage.TamperWith<DecisionRecorded>(round.Submission);

        await ivan.VerifiesTheRecord(round.Submission, brokenAt: edited);
        await round.Alice.CannotVerifyTheRecord();
    }
}
