using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>Someone taking part in a scenario, acting through their ability. Steps say "Can" or "Cannot" and check what the person was told.</summary>
public sealed partial class Person(PersonAccount account, IEditorialAbility ability)
{
    public PersonAccount Account => account;
    public string Name => account.Name;

    public async Task<SubmissionRef> CanStartSubmission(JournalRef journal, ManuscriptType type)
    {
        var (submission, refusal) = await ability.StartSubmission(journal.Id, type);
        Assert.True(refusal is null, $"{Name} could not start a submission: {refusal}");
        return new SubmissionRef(submission!.Value);
    }

    public async Task CanUpdate(SubmissionRef submission, SubmissionCommand command)
    {
        var refusal = await ability.Execute(submission.Id, command);
        Assert.True(refusal is null, $"{Name} could not {SubmissionDecider.Describe(command)}: {refusal}");
    }

    public async Task CannotUpdate(SubmissionRef submission, SubmissionCommand command, SeenRefusal because)
    {
        var refusal = await ability.Execute(submission.Id, command);
        Expect(because, refusal, SubmissionDecider.Describe(command));
    }

    /// <summary>An editor-in-chief's triage: return to the author, reject at the desk, or assign a handling editor.</summary>
    public Task CanTriage(SubmissionRef submission, SubmissionCommand triage) => CanUpdate(submission, triage);

    public Task CannotTriage(SubmissionRef submission, SubmissionCommand triage, SeenRefusal because) => CannotUpdate(submission, triage, because);

    public Task CanAttachManuscript(SubmissionRef submission, string fileName = "manuscript.pdf") =>
        Succeeds(ability.AttachManuscript(submission.Id, fileName, SamplePdfs.Titled(fileName)), "attach a manuscript");

    /// <summary>Fills in everything a journal needs: title, abstract, keywords, the author list with this person as corresponding author, and the PDF.</summary>
    public async Task CanCompleteManuscript(SubmissionRef submission, string title)
    {
        await CanUpdate(submission, new SetTitle(title));
        await CanUpdate(submission, new SetAbstract($"We report {title.ToLowerInvariant()}, with methods and data described in full."));
        await CanUpdate(submission, new SetKeywords(["scenario", "testing"]));
        await CanUpdate(submission, new SetAuthors([new ContributingAuthor(Name, account.Email, $"University of {Name}", null, IsCorresponding: true)]));
        await CanAttachManuscript(submission);
    }

    public Task CanSubmit(SubmissionRef submission) => CanUpdate(submission, new SubmitManuscript());

    /// <summary>The title on the submission's page and in its history is exactly what was typed, markup and all, as text.</summary>
    public async Task SeesTheTitleAsTyped(SubmissionRef submission, string title)
    {
        var sighting = await ability.Open(submission.Id);
        Assert.NotNull(sighting);
        Assert.Equal(title, sighting.Title);
        Assert.Contains(sighting.History, entry => entry.Contains(title, StringComparison.Ordinal));
    }

    /// <summary>Nothing the person read ran as script: no dialog opened (only a browser can run one).</summary>
    public void RanNoScript() => Assert.Equal(0, ability.ScriptsRun);

    public Task CannotSubmit(SubmissionRef submission, SeenRefusal because) => CannotUpdate(submission, new SubmitManuscript(), because);

    /// <summary>The submission heads the journal's new-submissions queue.</summary>
    public async Task SeesAtTopOfNewSubmissions(JournalRef journal, SubmissionRef submission, string title)
    {
        var queue = await ability.NewSubmissions(journal.Id);
        Assert.NotNull(queue);
        Assert.NotEmpty(queue);
        Assert.Equal(new QueuedManuscript(submission.Id, title), queue[0]);
    }

    public async Task DoesNotSeeInNewSubmissions(JournalRef journal, SubmissionRef submission)
    {
        var queue = await ability.NewSubmissions(journal.Id);
        Assert.NotNull(queue);
        Assert.DoesNotContain(queue, q => q.Submission == submission.Id);
    }

    /// <summary>As the journal's administrator: the manuscript waits for an editor-in-chief who may judge it.</summary>
    public async Task SeesItNeedsAnEditorWithoutAConflict(JournalRef journal, SubmissionRef submission, string title)
    {
        var waiting = await ability.NeedingAnEditorWithoutAConflict(journal.Id);
        Assert.True(waiting is not null, $"{Name} cannot see which manuscripts of {journal.Title} need an editor without a conflict.");
        Assert.Contains(new QueuedManuscript(submission.Id, title), waiting);
    }

    public async Task SeesItNoLongerNeedsAnEditorWithoutAConflict(JournalRef journal, SubmissionRef submission)
    {
        var waiting = await ability.NeedingAnEditorWithoutAConflict(journal.Id);
        Assert.NotNull(waiting);
        Assert.DoesNotContain(waiting, w => w.Submission == submission.Id);
    }

    public async Task SeesNewSubmissions(JournalRef journal) =>
        Assert.True(await ability.NewSubmissions(journal.Id) is not null, $"{Name} cannot see the new submissions of {journal.Title}.");

    public async Task CannotSeeNewSubmissions(JournalRef journal) =>
        Assert.True(await ability.NewSubmissions(journal.Id) is null, $"{Name} still sees the new submissions of {journal.Title}.");

    public Task CanGrant(JournalRef journal, Person person, JournalRole role) =>
        Succeeds(ability.Grant(journal.Id, person.Account.Email, role), $"grant {role} to {person.Name}");

    public Task CanRevoke(JournalRef journal, Person person, JournalRole role) =>
        Succeeds(ability.Revoke(journal.Id, person.Account.Id, role), $"revoke {role} from {person.Name}");

    public async Task SeesReviewerScreensOf(JournalRef journal) =>
        Assert.Contains(journal.Title, await ability.ReviewerJournals());

    public async Task SeesNoReviewerScreensOf(JournalRef journal) =>
        Assert.DoesNotContain(journal.Title, await ability.ReviewerJournals());

    /// <summary>Opens the submission and reads its status and, in its history, each of the phrases given (newest first as shown, in any order here).</summary>
    public async Task SeesSubmission(SubmissionRef submission, string status, params string[] historyPhrases)
    {
        var sighting = await ability.Open(submission.Id);
        Assert.NotNull(sighting);
        Assert.Equal(status, sighting.Status);
        foreach (var phrase in historyPhrases)
            Assert.Contains(sighting.History, entry => entry.Contains(phrase, StringComparison.Ordinal));
    }

    /// <summary>How many facts of the submission's history the person is shown.</summary>
    public async Task<int> CountsTheFactsOf(SubmissionRef submission) => (await ability.Open(submission.Id))?.History.Count ?? 0;

    /// <summary>Opens the submission as it stood after fact <paramref name="version"/>: its status then, and a history that ends there.</summary>
    public async Task SeesAsItWas(SubmissionRef submission, long version, string status, string[] historyPhrases, string[] notYetHappened)
    {
        var then = await ability.OpenAsItWas(submission.Id, version);
        Assert.True(then is not null, $"{Name} could not see the submission as it was after fact {version}.");
        Assert.Equal(status, then.Status);
        foreach (var phrase in historyPhrases) Assert.Contains(then.History, entry => entry.Contains(phrase, StringComparison.Ordinal));
        foreach (var phrase in notYetHappened) Assert.DoesNotContain(then.History, entry => entry.Contains(phrase, StringComparison.Ordinal));
    }

    /// <summary>Reads the submission's historical record: it says each of <paramref name="said"/> and none of <paramref name="neverSaid"/>.</summary>
    public async Task ReadsTheRecordOf(SubmissionRef submission, string[] said, string[] neverSaid)
    {
        var record = await ability.ReadRecordOf(submission.Id);
        Assert.True(record is not null, $"{Name} could not read the record of the submission.");
        foreach (var phrase in said) Assert.Contains(phrase, record, StringComparison.Ordinal);
        foreach (var secret in neverSaid) Assert.DoesNotContain(secret, record, StringComparison.OrdinalIgnoreCase);
    }

    public async Task CannotReadTheRecordOf(SubmissionRef submission) => Assert.Null(await ability.ReadRecordOf(submission.Id));

    /// <summary>Verifies the record's chains and finds the submission's chain broken at <paramref name="version"/>, or whole when null.</summary>
    public async Task VerifiesTheRecord(SubmissionRef submission, long? brokenAt)
    {
        var breaks = await ability.VerifyRecord();
        Assert.True(breaks is not null, $"{Name} may not verify the record.");
        if (brokenAt is { } version) Assert.Contains((submission.Id, version), breaks);
        else Assert.DoesNotContain(breaks, b => b.Stream == submission.Id);
    }

    public async Task CannotVerifyTheRecord() => Assert.Null(await ability.VerifyRecord());

    /// <summary>Uploads the revised manuscript and sends it with a response to the reviewers.</summary>
    public async Task CanReviseAndResubmit(SubmissionRef submission, string responseToReviewers)
    {
        await CanAttachManuscript(submission, "revised.pdf");
        await CanUpdate(submission, new SubmitRevision(responseToReviewers));
    }

    public Task CanAskToWithdraw(SubmissionRef submission, string reason) => CanUpdate(submission, new RequestWithdrawal(reason));

    public Task CanConfirmTheWithdrawal(SubmissionRef submission) => CanUpdate(submission, new ConfirmWithdrawal());

    public async Task CannotReview(SubmissionRef submission, SeenRefusal because) =>
        Expect(because, await ability.SubmitReview(submission.Id, Recommendation.Accept, "Too late.", ""), "submit a review");

    public async Task SeesExactlyOneDecision(SubmissionRef submission)
    {
        var sighting = await ability.Open(submission.Id);
        Assert.NotNull(sighting);
        Assert.Single(sighting.History, entry => entry.Contains(" decided: ", StringComparison.Ordinal));
        Assert.Contains(sighting.Status, new[] { "Accepted", "Rejected" });
    }

    /// <summary>Tries to record a decision, and answers what the person was told (null when it was recorded).</summary>
    public Task<SeenRefusal?> TriesToDecide(SubmissionRef submission, DecisionKind decision, string letter, string? beforeAllReviewsBecause = null) =>
        ability.Decide(submission.Id, decision, letter, beforeAllReviewsBecause);

    public Task CanInviteThePreviousReviewersAgain(SubmissionRef submission) =>
        CanUpdate(submission, new ReinvitePreviousReviewers(DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow.AddDays(35)));

    public Task CanInvite(SubmissionRef submission, Person reviewer, string? despiteConflictBecause = null) =>
        Succeeds(ability.InviteReviewer(submission.Id, reviewer.Account.Email, despiteConflictBecause), $"invite {reviewer.Name} to review");

    public async Task CannotInvite(SubmissionRef submission, Person reviewer, SeenRefusal because) =>
        Expect(because, await ability.InviteReviewer(submission.Id, reviewer.Account.Email), $"invite {reviewer.Name} to review");

    public Task CanAcceptTheInvitation(SubmissionRef submission) => Succeeds(ability.AnswerInvitation(submission.Id, accept: true), "accept the invitation");

    public Task CanDeclineTheInvitation(SubmissionRef submission, string reason, string suggestion) =>
        Succeeds(ability.AnswerInvitation(submission.Id, accept: false, reason, suggestion), "decline the invitation");

    public Task CanReview(SubmissionRef submission, Recommendation recommendation, string commentsToAuthor, string confidentialCommentsToEditor) =>
        Succeeds(ability.SubmitReview(submission.Id, recommendation, commentsToAuthor, confidentialCommentsToEditor), "submit a review");

    public Task CanDecide(SubmissionRef submission, DecisionKind decision, string letter, string? beforeAllReviewsBecause = null) =>
        Succeeds(ability.Decide(submission.Id, decision, letter, beforeAllReviewsBecause), $"decide to {decision.Describe().ToLowerInvariant()}");

    public async Task CannotDecide(SubmissionRef submission, DecisionKind decision, SeenRefusal because) =>
        Expect(because, await ability.Decide(submission.Id, decision, "A letter."), $"decide to {decision.Describe().ToLowerInvariant()}");

    /// <summary>The reviews shown carry exactly these labels and comments, and nothing written for the editor alone.</summary>
    public async Task SeesReviews(SubmissionRef submission, params (string Reviewer, string Comments)[] expected)
    {
        var shown = await ability.ReviewsShown(submission.Id);
        Assert.Equal(expected, shown.Select(r => (r.Reviewer, r.CommentsToAuthor)));
        Assert.All(shown, r => Assert.Equal("", r.ConfidentialCommentsToEditor));
    }

    /// <summary>Nothing the person is shown of the submission (its page and its history) names any of these people.</summary>
    public async Task NeverSeesTheNamesOf(SubmissionRef submission, params string[] names)
    {
        var sighting = await ability.Open(submission.Id);
        Assert.NotNull(sighting);
        var everything = string.Join("\n", [sighting.Title, .. sighting.Authors, .. sighting.History, .. (await ability.ReviewsShown(submission.Id)).Select(r => r.Reviewer)]);
        foreach (var name in names) Assert.DoesNotContain(name, everything, StringComparison.OrdinalIgnoreCase);
    }

    private async Task Succeeds(Task<SeenRefusal?> action, string what)
    {
        var refusal = await action;
        Assert.True(refusal is null, $"{Name} could not {what}: {refusal}");
    }

    private void Expect(SeenRefusal expected, SeenRefusal? actual, string what)
    {
        Assert.True(actual is not null, $"{Name} was allowed to {what}, but should have been refused ({expected.Kind}).");
        Assert.Equal(expected.Kind, actual.Kind);
        if (expected.Fields.Count > 0)
            Assert.Equal(expected.Fields.Order(), actual.Fields.Distinct().Order());
    }
}
