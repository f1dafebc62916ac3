using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using Xunit;

namespace EditorialPortal.Tests.Review;

/// <summary>Reminders on the journal's schedule, more time for a reviewer, and a decision taken back.</summary>
public sealed class DeadlinesAndRemindersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid Alice = Guid.Parse("00000000-0000-0000-0000-00000000a11c");
    private static readonly Guid Erin = Guid.Parse("00000000-0000-0000-0000-00000000e1e1");
    private static readonly Guid Hugo = Guid.Parse("00000000-0000-0000-0000-000000000409");
    private static readonly Guid Rita = Guid.Parse("00000000-0000-0000-0000-00000000417a");
    private static readonly Guid Invitation = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    private static readonly Journal TheJournal = new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now, ReviewMode.SingleBlind, 1),
        new JournalRoleGranted(JournalId, Hugo, JournalRole.HandlingEditor, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Erin, JournalRole.EditorInChief, Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static IHistoricalFact[] Invited =>
    [
        new SubmissionStarted(Id, JournalId, ManuscriptType.ResearchArticle, Alice, Now),
        new TitleChanged(Id, "Tidal mixing", Alice, Now),
        new ManuscriptSubmitted(Id, JournalId, 1, Alice, Now),
        new HandlingEditorAssigned(Id, Hugo, Erin, Now),
        new ReviewerInvited(Id, Invitation, Rita, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo, Now)
    ];

    private static IHistoricalFact[] Accepted => [.. Invited, new InvitationAccepted(Id, Invitation, Rita, Now)];

    private static Submission Given(params IHistoricalFact[] facts) => facts.Aggregate<IHistoricalFact, Submission?>(null, Submission.Fold)!;

    private static Actor As(Guid account) => new(account, "Someone", "someone@example.org");

    private static Decision When(Submission s, SubmissionCommand c, Actor actor, DateTimeOffset at) => SubmissionDecider.Decide(Id, c, s, TheJournal, actor, at);

    private static IReadOnlyList<ReminderKind> DueAt(Submission s, DateTimeOffset at) => [.. Reminders.Due(s, TheJournal.Reminders, at).Select(r => r.Kind)];

    [Fact]
    public void A_reviewer_who_has_not_answered_is_reminded_once_two_days_before_the_answer_is_due()
    {
        Assert.Empty(DueAt(Given(Invited), Now.AddDays(4)));
        Assert.Equal([ReminderKind.AnswerSoon], DueAt(Given(Invited), Now.AddDays(5)));
        var reminded = Given([.. Invited, new ReviewerReminded(Id, Invitation, ReminderKind.AnswerSoon, Guid.Empty, Now.AddDays(5))]);
        Assert.Empty(DueAt(reminded, Now.AddDays(6)));
    }

    [Fact]
    public void An_expired_declined_or_withdrawn_invitation_is_never_reminded()
    {
        Assert.Empty(DueAt(Given(Invited), Now.AddDays(8)));
        Assert.Empty(DueAt(Given([.. Invited, new InvitationDeclined(Id, Invitation, null, null, Rita, Now)]), Now.AddDays(6)));
        Assert.Empty(DueAt(Given([.. Invited, new InvitationRescinded(Id, Invitation, "Enough reviewers", Hugo, Now)]), Now.AddDays(6)));
    }

    [Fact]
    public void An_overdue_review_is_reminded_at_the_journals_interval_until_it_is_in()
    {
        Assert.Equal([ReminderKind.ReviewDueSoon], DueAt(Given(Accepted), Now.AddDays(28)));
        Assert.Equal([ReminderKind.ReviewOverdue], DueAt(Given(Accepted), Now.AddDays(31)));
        var once = Given([.. Accepted, new ReviewerReminded(Id, Invitation, ReminderKind.ReviewOverdue, Guid.Empty, Now.AddDays(31))]);
        Assert.Empty(DueAt(once, Now.AddDays(37)));
        Assert.Equal([ReminderKind.ReviewOverdue], DueAt(once, Now.AddDays(38)));
        var reviewed = Given([.. Accepted, new ReviewSubmitted(Id, Invitation, Recommendation.Accept, "Fine.", "", Rita, Now.AddDays(32))]);
        Assert.Empty(DueAt(reviewed, Now.AddDays(60)));
    }

    [Fact]
    public void A_reminder_is_refused_once_the_round_is_over_even_if_a_pass_had_found_it_due()
    {
        var decided = Given([.. Accepted, new DecisionRecorded(Id, 1, DecisionKind.Reject, "No.", "One review", Hugo, Now.AddDays(31))]);
        Assert.IsType<Refusal.NotAllowedInState>(When(decided, new SendReminder(Invitation, ReminderKind.ReviewOverdue), Actor.System, Now.AddDays(32)).Refusal);
        Assert.IsType<ReviewerReminded>(Assert.Single(When(Given(Accepted), new SendReminder(Invitation, ReminderKind.ReviewOverdue), Actor.System, Now.AddDays(32)).Facts));
    }

    [Fact]
    public void Only_the_portal_sends_reminders() =>
        Assert.IsType<Refusal.NotAuthorised>(When(Given(Accepted), new SendReminder(Invitation, ReminderKind.ReviewOverdue), As(Hugo), Now.AddDays(32)).Refusal);

    [Fact]
    public void More_time_to_answer_moves_the_review_due_date_by_as_much()
    {
        var extended = Assert.IsType<DeadlineExtended>(Assert.Single(When(Given(Invited), new ExtendDeadline(Invitation, Now.AddDays(10)), As(Hugo), Now).Facts));
        Assert.Equal((Now.AddDays(10), Now.AddDays(33)), (extended.RespondBy, extended.ReviewDue));
    }

    [Fact]
    public void More_time_for_an_accepted_review_moves_only_its_due_date_and_never_backwards()
    {
        var extended = Assert.IsType<DeadlineExtended>(Assert.Single(When(Given(Accepted), new ExtendDeadline(Invitation, Now.AddDays(45)), As(Hugo), Now).Facts));
        Assert.Equal((Now.AddDays(7), Now.AddDays(45)), (extended.RespondBy, extended.ReviewDue));
        Assert.Equal("newDate", Assert.IsType<Refusal.Invalid>(When(Given(Accepted), new ExtendDeadline(Invitation, Now.AddDays(20)), As(Hugo), Now).Refusal).Errors[0].Field);
        Assert.IsType<Refusal.NotAuthorised>(When(Given(Accepted), new ExtendDeadline(Invitation, Now.AddDays(45)), As(Rita), Now).Refusal);
    }

    [Fact]
    public void Where_the_editor_in_chief_confirms_decisions_the_handling_editors_decision_waits_and_the_author_hears_nothing_until_then()
    {
        var journal = TheJournal with { EditorInChiefConfirmsDecisions = true };
        var reviewed = Given([.. Accepted, new ReviewSubmitted(Id, Invitation, Recommendation.Accept, "Fine.", "", Rita, Now)]);
        var recommended = Assert.IsType<DecisionRecommended>(Assert.Single(
            SubmissionDecider.Decide(Id, new RecordDecision(DecisionKind.Accept, "Accepted.", null), reviewed, journal, As(Hugo), Now).Facts));
        var waiting = Submission.Fold(reviewed, recommended)!;
        Assert.Equal((SubmissionStatus.UnderReview, true), (waiting.Status, waiting.AwaitsConfirmation));
        Assert.False(Blinding.AsSeenBy(waiting, journal, As(Alice)).AwaitsConfirmation);
        Assert.False(Blinding.Shows(recommended, waiting, journal, As(Alice)));
        Assert.IsType<Refusal.NotAllowedInState>(SubmissionDecider.Decide(Id, new RecordDecision(DecisionKind.Reject, "No.", null), waiting, journal, As(Hugo), Now).Refusal);
        Assert.IsType<Refusal.NotAuthorised>(SubmissionDecider.Decide(Id, new ConfirmDecision("Accepted."), waiting, journal, As(Hugo), Now).Refusal);

        var returned = Assert.IsType<RecommendationReturned>(Assert.Single(SubmissionDecider.Decide(Id, new ReturnRecommendation("Ask for the raw data first."), waiting, journal, As(Erin), Now).Facts));
        Assert.False(Submission.Fold(waiting, returned)!.AwaitsConfirmation);

        var confirmed = Assert.IsType<DecisionRecorded>(Assert.Single(SubmissionDecider.Decide(Id, new ConfirmDecision("Accepted, with thanks."), waiting, journal, As(Erin), Now).Facts));
        Assert.Equal((DecisionKind.Accept, "Accepted, with thanks.", Erin), (confirmed.Decision, confirmed.Letter, confirmed.By));
        Assert.Equal(SubmissionStatus.Accepted, Submission.Fold(waiting, confirmed)!.Status);
    }

    [Fact]
    public void The_editor_in_chief_rescinds_a_decision_and_the_round_is_open_again_with_the_decision_still_on_record()
    {
        var reviewed = Given([.. Accepted, new ReviewSubmitted(Id, Invitation, Recommendation.Accept, "Fine.", "", Rita, Now),
            new DecisionRecorded(Id, 1, DecisionKind.Reject, "Rejected.", null, Hugo, Now)]);
        Assert.IsType<Refusal.NotAuthorised>(When(reviewed, new RescindDecision("Wrong manuscript"), As(Hugo), Now).Refusal);
        Assert.Equal("reason", Assert.IsType<Refusal.Invalid>(When(reviewed, new RescindDecision(" "), As(Erin), Now).Refusal).Errors[0].Field);

        var rescinded = Assert.IsType<DecisionRescinded>(Assert.Single(When(reviewed, new RescindDecision("Rejected the wrong manuscript"), As(Erin), Now).Facts));
        var reopened = Submission.Fold(reviewed, rescinded)!;
        Assert.Equal((SubmissionStatus.UnderReview, (DecisionKind?)null), (reopened.Status, reopened.LastDecision));
        Assert.Equal(DecisionKind.Reject, rescinded.Decision);
        Assert.IsType<DecisionRecorded>(Assert.Single(When(reopened, new RecordDecision(DecisionKind.Accept, "Accepted.", null), As(Hugo), Now).Facts));
        Assert.IsType<Refusal.NotAllowedInState>(When(reopened, new RescindDecision("Again"), As(Erin), Now).Refusal);
    }
}
