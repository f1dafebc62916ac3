using EditorialPortal.Domain.Production;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>A person's steps in an accepted article's production.</summary>
public sealed partial class Person
{
    public Task CanAssignTheCopyedit(SubmissionRef submission, Person copyeditor) =>
        Succeeds(ability.AssignCopyedit(submission.Id, copyeditor.Account), $"assign the copyedit to {copyeditor.Name}");

    public Task CanUploadACopyeditedFile(SubmissionRef submission, SampleFile file) =>
        Succeeds(ability.UploadCopyedit(submission.Id, file), $"upload {file.Name} to the copyedit");

    public async Task CannotUploadACopyeditedFile(SubmissionRef submission, SampleFile file, SeenRefusal because) =>
        Expect(because, await ability.UploadCopyedit(submission.Id, file), $"upload {file.Name} to the copyedit");

    public Task CanFinishTheCopyedit(SubmissionRef submission) => Succeeds(ability.FinishCopyedit(submission.Id), "finish the copyedit");

    public Task CanAcceptTheCopyedits(SubmissionRef submission) => Succeeds(ability.AcceptCopyedits(submission.Id), "accept the copyedits");

    public Task CanSendCopyeditCorrections(SubmissionRef submission, string notes, SampleFile? correctedCopy = null) =>
        Succeeds(ability.SendCopyeditCorrections(submission.Id, notes, correctedCopy), "send corrections to the copyedits");

    public Task CanAssignTypesetting(SubmissionRef submission, Person typesetter) =>
        Succeeds(ability.AssignTypesetting(submission.Id, typesetter.Account), $"assign typesetting to {typesetter.Name}");

    /// <summary>Takes the JATS front matter the portal writes and uploads it as the article's JATS galley.</summary>
    public async Task CanUploadTheJatsFrontMatterAsAGalley(SubmissionRef submission)
    {
        var jats = await ability.DownloadJatsFrontMatter(submission.Id);
        Assert.True(jats is not null, $"{Name} could not download the JATS front matter.");
        await CanUploadAGalley(submission, GalleyFormat.JatsXml, "JATS XML", new SampleFile("article.xml", jats));
    }

    public Task CanUploadAGalley(SubmissionRef submission, GalleyFormat format, string label, SampleFile file) =>
        Succeeds(ability.UploadGalley(submission.Id, format, label, file), $"upload {file.Name} as the {label} galley");

    public async Task CannotUploadAGalley(SubmissionRef submission, GalleyFormat format, string label, SampleFile file, SeenRefusal because) =>
        Expect(because, await ability.UploadGalley(submission.Id, format, label, file), $"upload {file.Name} as the {label} galley");

    public Task CanFinishTypesetting(SubmissionRef submission) => Succeeds(ability.FinishTypesetting(submission.Id), "finish the typesetting round");

    public Task CanSendTheProofsToTheAuthor(SubmissionRef submission) => Succeeds(ability.SendProofsToTheAuthor(submission.Id), "send the proofs to the author");

    public Task CanApproveTheProofs(SubmissionRef submission) => Succeeds(ability.ApproveProofs(submission.Id), "approve the proofs");

    public async Task CannotApproveTheProofs(SubmissionRef submission, SeenRefusal because) =>
        Expect(because, await ability.ApproveProofs(submission.Id), "approve the proofs");

    public Task CanAskForACorrection(SubmissionRef submission, string galleyLabel, string note, SampleFile? annotated = null) =>
        Succeeds(ability.AskForProofCorrections(submission.Id, galleyLabel, note, annotated), $"ask for a correction to the {galleyLabel} galley");

    public Task CanSaveThePublicationDetails(SubmissionRef submission) =>
        Succeeds(ability.SaveSuggestedPublicationDetails(submission.Id), "save the publication details");

    public Task CanMarkTheArticleReadyToPublish(SubmissionRef submission) => Succeeds(ability.MarkReadyToPublish(submission.Id), "mark the article ready to publish");

    public async Task CannotMarkTheArticleReadyToPublish(SubmissionRef submission, SeenRefusal because) =>
        Expect(because, await ability.MarkReadyToPublish(submission.Id), "mark the article ready to publish");

    public Task CanAssignTheOfferedDoi(SubmissionRef submission) => Succeeds(ability.AssignTheOfferedDoi(submission.Id), "assign the DOI offered");

    public Task CanPublish(SubmissionRef submission, DateTimeOffset? at = null) =>
        Succeeds(ability.Publish(submission.Id, at), at is null ? "publish the article" : $"schedule the article for {at:O}");

    public async Task CannotPublish(SubmissionRef submission, SeenRefusal because) => Expect(because, await ability.Publish(submission.Id), "publish the article");

    public Task CanOpenIssue(JournalRef journal, int volume, int number, string title) =>
        Succeeds(ability.OpenIssue(journal.Id, volume, number, title), $"open Volume {volume}, Issue {number}");

    public Task CanPlanIntoIssue(SubmissionRef submission, int volume, int number, string pages) =>
        Succeeds(ability.PlanIntoIssue(submission.Id, volume, number, pages), $"plan the article into Volume {volume}, Issue {number}");

    public Task CanPublishIssue(JournalRef journal, int volume, int number, DateTimeOffset? at = null) =>
        Succeeds(ability.PublishIssue(journal.Id, volume, number, at), at is null ? "publish the issue" : $"schedule the issue for {at:O}");

    /// <summary>The article's DOI deposits came to this, oldest first, as the production page shows them.</summary>
    public async Task SeesTheDeposits(SubmissionRef submission, params Domain.Publication.DepositStatus[] statuses) =>
        Xunit.Assert.Equal(statuses, await ability.DepositsOf(submission.Id) ?? throw new Xunit.Sdk.XunitException("The article's publication was not shown."));

    public Task CanPublishNotice(SubmissionRef submission, Domain.Publication.ArticleNoticeKind kind, string text) =>
        Succeeds(ability.PublishNotice(submission.Id, kind, text), $"publish a {kind}");

    public async Task CannotPublishNotice(SubmissionRef submission, Domain.Publication.ArticleNoticeKind kind, string text, SeenRefusal because) =>
        Expect(because, await ability.PublishNotice(submission.Id, kind, text), $"publish a {kind}");

    public Task CanBeginNewVersion(SubmissionRef submission, Domain.Publication.VersionKind kind, string note) =>
        Succeeds(ability.BeginNewVersion(submission.Id, kind, note), $"begin a {kind} version");

    public async Task CannotBeginNewVersion(SubmissionRef submission, Domain.Publication.VersionKind kind, string note, SeenRefusal because) =>
        Expect(because, await ability.BeginNewVersion(submission.Id, kind, note), $"begin a {kind} version");

    public Task CanCorrectTheTitle(SubmissionRef submission, string title) => Succeeds(ability.CorrectTheTitle(submission.Id, title), "correct the title");

    public Task CanPublishNewVersion(SubmissionRef submission) => Succeeds(ability.PublishNewVersion(submission.Id), "publish the new version");

    public async Task CannotPublishNewVersion(SubmissionRef submission, SeenRefusal because) =>
        Expect(because, await ability.PublishNewVersion(submission.Id), "publish the new version");

        /// <summary>The article is at <paramref name="step"/>, and its production history tells each of <paramref name="entries"/>.</summary>
    public async Task<ProductionSighting> SeesTheArticleInProduction(SubmissionRef submission, string step, params string[] entries)
    {
        var sighting = await ability.OpenProduction(submission.Id);
        Assert.True(sighting is not null, $"{Name} was told there is no such article in production.");
        Assert.Equal(step, sighting.Step);
        foreach (var entry in entries)
            Assert.Contains(sighting.History, told => told.Contains(entry, StringComparison.Ordinal));
        return sighting;
    }

    public async Task DoesNotSeeTheArticleInProduction(SubmissionRef submission) =>
        Assert.Null(await ability.OpenProduction(submission.Id));
}
