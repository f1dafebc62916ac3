using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using Xunit;

namespace EditorialPortal.Tests.Notifications;

/// <summary>Who is told what by mail, from the journal's templates, with blinding held in every message.</summary>
public sealed class NoticesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid Invitation = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Account Alice = Person(0xa11c, "Alice Canary-Author", "alice@bristol.ac.uk");
    private static readonly Account Erin = Person(0xe1e1, "Erin Chief", "erin@demopress.example");
    private static readonly Account Hugo = Person(0x409, "Hugo Handler", "hugo@uchile.cl");
    private static readonly Account Rita = Person(0x417a, "Rita Canary-Reviewer", "rita@kyoto-u.ac.jp");
    private static readonly Dictionary<Guid, Account> People = new[] { Alice, Erin, Hugo, Rita }.ToDictionary(a => a.Id);

    private static Account Person(int n, string name, string email)
    {
        var id = new Guid($"00000000-0000-0000-0000-{n:D12}");
        return Account.Fold(null, new AccountRegistered(id, name, email, "Somewhere", null, id, Now))!;
    }

    private static Journal JournalWith(ReviewMode mode) => new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now, mode, 1),
        new JournalRoleGranted(JournalId, Erin.Id, JournalRole.EditorInChief, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Hugo.Id, JournalRole.HandlingEditor, Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static IHistoricalFact[] Drafted =>
    [
        new SubmissionStarted(Id, JournalId, ManuscriptType.ResearchArticle, Alice.Id, Now),
        new TitleChanged(Id, "Tidal mixing", Alice.Id, Now), new AbstractChanged(Id, "We measured the tides.", Alice.Id, Now),
        new AuthorsChanged(Id, [new("Alice Canary-Author", Alice.Email, "University of Bristol", null, true)], Alice.Id, Now)
    ];

    private static IHistoricalFact[] WithHugo => [.. Drafted, new ManuscriptSubmitted(Id, JournalId, 1, Alice.Id, Now), new HandlingEditorAssigned(Id, Hugo.Id, Erin.Id, Now)];

    private static Submission Given(params IHistoricalFact[] facts) => facts.Aggregate<IHistoricalFact, Submission?>(null, Submission.Fold)!;

    private static IReadOnlyList<MailQueued> Mail(IHistoricalFact[] before, ReviewMode mode, params IHistoricalFact[] facts) =>
        Notices.Compose(Guid.Parse("00000000-0000-0000-0000-00000000c0de"), facts, Given(before), JournalWith(mode), People.GetValueOrDefault, path => "https://portal.example" + path);

    [Fact]
    public void A_submission_is_acknowledged_to_its_author_and_announced_to_the_editors_in_chief()
    {
        var mail = Mail(Drafted, ReviewMode.SingleBlind, new ManuscriptSubmitted(Id, JournalId, 1, Alice.Id, Now));
        Assert.Equal([(Alice.Email, NoticeKind.SubmissionReceived), (Erin.Email, NoticeKind.NewSubmission)], mail.Select(m => (m.ToAddress, m.Kind)));
        Assert.Contains("https://portal.example/submissions/" + Id, mail[0].Body);
        Assert.Equal(mail.Select(m => m.Message).Distinct().Count(), mail.Count);
    }

    [Fact]
    public void A_double_blind_invitation_names_no_author_and_carries_the_answer_link_to_be_made_when_it_leaves()
    {
        var invited = Assert.Single(Mail(WithHugo, ReviewMode.DoubleBlind,
            new ReviewerInvited(Id, Invitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now)));
        Assert.Equal((Rita.Email, NoticeKind.ReviewInvitation, (Guid?)Invitation), (invited.ToAddress, invited.Kind, invited.InvitationToAnswer));
        Assert.Contains(MailTemplate.InvitationLink, invited.Body);
        Assert.Equal(Now.AddDays(30) + Notices.InvitationLinkGrace, invited.LinkWorksUntil);
        Assert.Contains("3 December 2026", invited.Body);
        Assert.DoesNotContain("Canary-Author", invited.Subject + invited.Body);
        Assert.DoesNotContain("Bristol", invited.Body);
    }

    [Fact]
    public void The_decision_letter_reaches_the_author_without_the_reviewers_name_and_the_editor_is_not_told_of_their_own_decision()
    {
        IHistoricalFact[] reviewed = [.. WithHugo,
            new ReviewerInvited(Id, Invitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now),
            new InvitationAccepted(Id, Invitation, Rita.Id, Now),
            new ReviewSubmitted(Id, Invitation, Recommendation.MinorRevision, "Clarify Figure 2.", "Confidential: weak.", Rita.Id, Now)];
        var letter = Assert.Single(Mail(reviewed, ReviewMode.SingleBlind,
            new DecisionRecorded(Id, 1, DecisionKind.MinorRevision, "Dear author,\n\nReviewer 1: Clarify Figure 2.", null, Hugo.Id, Now)));
        Assert.Equal((Alice.Email, "Minor revision requested"), (letter.ToAddress, letter.Subject));
        Assert.DoesNotContain("Canary-Reviewer", letter.Body);
        Assert.DoesNotContain("Confidential", letter.Body);
    }

    [Theory]
    [InlineData(ReviewMode.SingleBlind)]
    [InlineData(ReviewMode.DoubleBlind)]
    public void Reviewers_hear_the_decision_only_when_the_journal_tells_them_and_then_without_the_letter_that_names_the_author(ReviewMode mode)
    {
        IHistoricalFact[] reviewed = [.. WithHugo,
            new ReviewerInvited(Id, Invitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now),
            new InvitationAccepted(Id, Invitation, Rita.Id, Now),
            new ReviewSubmitted(Id, Invitation, Recommendation.MinorRevision, "Clarify Figure 2.", "", Rita.Id, Now)];
        var decided = new DecisionRecorded(Id, 1, DecisionKind.MinorRevision, "Dear Alice Canary-Author,\n\nPlease clarify Figure 2.", null, Hugo.Id, Now);
        Assert.DoesNotContain(Mail(reviewed, mode, decided), m => m.ToAddress == Rita.Email);

        var telling = Journal.Fold(JournalWith(mode), new DecisionNoticeToReviewersChanged(JournalId, true, Erin.Id, Now))!;
        var mail = Notices.Compose(Guid.NewGuid(), [decided], Given(reviewed), telling, People.GetValueOrDefault, path => "https://portal.example" + path);
        var told = Assert.Single(mail, m => m.ToAddress == Rita.Email);
        Assert.Equal(NoticeKind.DecisionToReviewers, told.Kind);
        Assert.Contains("minor revision", told.Body);
        Assert.DoesNotContain("Canary-Author", told.Subject + told.Body);
        Assert.DoesNotContain("Bristol", told.Body);
        Assert.Single(mail, m => m.ToAddress == Alice.Email && m.Kind == NoticeKind.DecisionLetter);
    }

    [Fact]
    public void The_handling_editor_hears_of_each_answer_and_review_with_the_reviewers_name()
    {
        IHistoricalFact[] invited = [.. WithHugo, new ReviewerInvited(Id, Invitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now)];
        var declined = Assert.Single(Mail(invited, ReviewMode.DoubleBlind, new InvitationDeclined(Id, Invitation, "On leave", "Sven Svensson", Rita.Id, Now)));
        Assert.Equal((Hugo.Email, NoticeKind.InvitationDeclined), (declined.ToAddress, declined.Kind));
        Assert.Contains("Rita Canary-Reviewer", declined.Subject);
        Assert.Contains("They suggest: Sven Svensson", declined.Body);
    }

    [Fact]
    public void Composing_needs_the_accounts_of_those_told_and_of_those_named_and_none_for_facts_that_tell_no_one()
    {
        IHistoricalFact[] invited = [.. WithHugo, new ReviewerInvited(Id, Invitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now)];

        Assert.Empty(Notices.PeopleNeeded([new TitleChanged(Id, "A better title", Alice.Id, Now)], Given(Drafted), JournalWith(ReviewMode.SingleBlind)));
        Assert.Equal(new HashSet<Guid> { Hugo.Id, Rita.Id },
            Notices.PeopleNeeded([new InvitationDeclined(Id, Invitation, "On leave", null, Rita.Id, Now)], Given(invited), JournalWith(ReviewMode.SingleBlind)));
    }

    [Fact]
    public void A_withdrawal_tells_the_author_and_every_reviewer_still_at_work_and_no_one_else()
    {
        IHistoricalFact[] reviewing = [.. WithHugo,
            new ReviewerInvited(Id, Invitation, Rita.Id, 1, 1, Now.AddDays(7), Now.AddDays(30), null, Hugo.Id, Now),
            new InvitationAccepted(Id, Invitation, Rita.Id, Now), new WithdrawalRequested(Id, "An error in the data", Alice.Id, Now)];
        var mail = Mail(reviewing, ReviewMode.SingleBlind, new SubmissionWithdrawn(Id, Hugo.Id, Now));
        Assert.Equal([(Alice.Email, NoticeKind.Withdrawn), (Rita.Email, NoticeKind.ReviewNoLongerNeeded)], mail.Select(m => (m.ToAddress, m.Kind)));
    }

    [Fact]
    public void A_journals_own_template_is_used_where_it_has_one()
    {
        var journal = JournalWith(ReviewMode.SingleBlind) with
        {
            MailTemplates = [new MailTemplate(NoticeKind.SubmissionReceived, "Thanks from {journal}", "Hello {recipient}, we have \"{title}\".")]
        };
        var mail = Notices.Compose(Guid.NewGuid(), [new ManuscriptSubmitted(Id, JournalId, 1, Alice.Id, Now)], Given(Drafted), journal, People.GetValueOrDefault, p => p);
        Assert.Equal(("Thanks from Journal of Tests", "Hello Alice Canary-Author, we have \"Tidal mixing\"."), (mail[0].Subject, mail[0].Body));
    }

    [Fact]
    public void A_failed_send_is_retried_with_growing_pauses_and_then_given_up()
    {
        var message = OutgoingMessage.Fold(null, Mail(Drafted, ReviewMode.SingleBlind, new ManuscriptSubmitted(Id, JournalId, 1, Alice.Id, Now))[0])!;
        var pauses = new List<TimeSpan?>();
        for (var attempt = 1; attempt <= OutgoingMessage.Backoff.Count + 1; attempt++)
        {
            var failed = Assert.IsType<MailSendFailed>(message.Attempted("connection refused", Now));
            pauses.Add(failed.NextAttemptAt - Now);
            message = OutgoingMessage.Fold(message, failed)!;
        }
        Assert.Equal([.. OutgoingMessage.Backoff.Select(b => (TimeSpan?)b), null], pauses);
        Assert.Equal((DeliveryStatus.GaveUp, (DateTimeOffset?)null), (message.Status, message.NextAttemptAt));
    }
}
