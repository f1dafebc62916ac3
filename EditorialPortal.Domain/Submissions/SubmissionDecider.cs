using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;

namespace EditorialPortal.Domain.Submissions;

/// <summary>Every allowed change of a submission, in one place: (command, state) -> facts or a refusal.</summary>
public static class SubmissionDecider
{
    /// <param name="journal">The journal the submission is (or is to be) in; null if there is no such journal.</param>
    /// <param name="subject">The account a command names (the editor to assign, the reviewer to invite), as it stands now; null if none or no such account.</param>
    /// <param name="coauthorsElsewhere">Email addresses of people who wrote other manuscripts in this system with this one's authors.</param>
    /// <param name="reviewerNames">The names of the manuscript's reviewers, so that a decision letter can be kept from naming them.</param>
    public static Decision Decide(Guid submission, SubmissionCommand command, Submission? state, Journal? journal, Actor actor, DateTimeOffset now,
        Account? subject = null, IReadOnlySet<string>? coauthorsElsewhere = null, IReadOnlyDictionary<Guid, string>? reviewerNames = null)
    {
        var assignment = AssignmentNamedBy(command) is { } named ? state?.Assignments.FirstOrDefault(a => a.Id == named) : null;
        // A stranger learns nothing from the refusal: an unknown submission and someone else's read the same.
        var standing = new Standing(actor.IsPerson,
            IsSubmittingAuthor: state is not null && state.IsSubmittingAuthor(actor),
            IsEditorInChief: state is not null && journal is not null && journal.Id == state.Journal && journal.Grants(actor.Account, JournalRole.EditorInChief),
            // A handling editor who declared a conflict acts no more on the manuscript; the editor-in-chief reassigns it.
            IsHandlingEditor: state?.HandlingEditor is { } editor && editor == actor.Account && journal?.IsEditor(actor.Account) == true
                && !state.DeclaredConflicts.Contains(actor.Account),
            IsInvitedReviewer: assignment is not null && assignment.Reviewer == actor.Account,
            IsJournalEditor: state is not null && state.IsEditorOf(actor, journal),
            IsReviewerOfIt: state is not null && state.Status != SubmissionStatus.Draft && state.Assignments.Any(a => a.Reviewer == actor.Account));
        if (Permissions.Check(command, actor, submission, standing) is { } refusal) return refusal;

        return (command, state) switch
        {
            (StartSubmission start, null) => Start(submission, start, journal, actor, now),
            (StartSubmission, { } existing) => new Refusal.NotAllowedInState("start a submission", existing.Status.Describe(), "this submission exists already"),
            (ReturnToAuthor c, { } s) => TriageDecisions.ReturnToAuthor(s, c, actor, now),
            (DeskReject c, { } s) => TriageDecisions.DeskReject(s, c, actor, now),
            (AssignHandlingEditor c, { } s) => TriageDecisions.AssignHandlingEditor(s, c, journal!, subject, actor, now),
            (InviteReviewer c, { } s) => ReviewDecisions.Invite(s, c, subject, coauthorsElsewhere ?? new HashSet<string>(), actor, now),
            (AcceptInvitation, { } s) => ReviewDecisions.Accept(s, assignment!, actor, now),
            (DeclineInvitation c, { } s) => ReviewDecisions.Decline(s, assignment!, c, actor, now),
            (RescindInvitation c, { } s) => assignment is null ? NoSuchInvitation : ReviewDecisions.Rescind(s, assignment, c, actor, now),
            (SubmitReview c, { } s) => ReviewDecisions.Submit(s, assignment!, c, actor, now),
            (DeclareConflict c, { } s) => ReviewDecisions.DeclareConflict(s, c, actor, now),
            (ExtendDeadline c, { } s) => assignment is null ? NoSuchInvitation : ReviewDecisions.ExtendDeadline(s, assignment, c, actor, now),
            (SendReminder c, { } s) => assignment is null ? NoSuchInvitation : ReviewDecisions.Remind(s, assignment, c, journal!, actor, now),
            (RescindDecision c, { } s) => ReviewDecisions.RescindDecision(s, c, actor, now),
            (RecordDecision c, { } s) when Blinding.ReviewersNamedIn(c.Letter, s, journal, reviewerNames) is { Count: > 0 } reviewers => LetterNames(reviewers),
            (ConfirmDecision c, { } s) when Blinding.ReviewersNamedIn(c.Letter, s, journal, reviewerNames) is { Count: > 0 } reviewers => LetterNames(reviewers),
            (RecordDecision c, { } s) => ReviewDecisions.Decide(s, c, journal!, actor, now, standing.IsEditorInChief),
            (ConfirmDecision c, { } s) => ReviewDecisions.Confirm(s, c, actor, now),
            (ReturnRecommendation c, { } s) => ReviewDecisions.Return(s, c, actor, now),
            (SubmitRevision c, { } s) => ReviewDecisions.SubmitRevision(s, c, actor, now),
            (ReinvitePreviousReviewers c, { } s) => ReviewDecisions.Reinvite(s, c, actor, now),
            (RequestWithdrawal c, { } s) => ReviewDecisions.RequestWithdrawal(s, c, actor, now),
            (ConfirmWithdrawal, { } s) => ReviewDecisions.ConfirmWithdrawal(s, actor, now),
            (SubmitManuscript, { Status: SubmissionStatus.RevisionRequested } s) =>
                new Refusal.NotAllowedInState(Describe(command), s.Status.Describe(), "send the revised version with a response to the reviewers instead"),
            // Authors change their manuscript while it is a draft, and again while a revision is asked of them.
            (_, { Status: not (SubmissionStatus.Draft or SubmissionStatus.RevisionRequested) } s) =>
                new Refusal.NotAllowedInState(Describe(command), s.Status.Describe(), "a submitted manuscript can no longer be changed by its authors"),
            (SetTitle c, { } s) => ChangeTitle(s, c, actor, now),
            (SetAbstract c, { } s) => ChangeAbstract(s, c, actor, now),
            (SetKeywords c, { } s) => ChangeKeywords(s, c, actor, now),
            (SetAuthors c, { } s) => ChangeAuthors(s, c, actor, now),
            (SetReviewerPreferences c, { } s) => ChangePreferences(s, c, actor, now),
            (AttachManuscript c, { } s) => Attach(s, c, actor, now),
            (SubmitManuscript, { } s) => Submit(s, actor, now),
            (_, null) => new Refusal.NotAuthorised(actor.Account, Describe(command), submission, "there is no such submission"),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown submission command")
        };
    }

    private static Refusal LetterNames(IReadOnlyList<string> reviewers) =>
        new Refusal.Invalid("letter", $"The letter names {string.Join(" and ", reviewers)}, who reviewed the manuscript; in this journal the authors must not learn who reviewed it. Call them \"Reviewer 1\", \"Reviewer 2\".");

    private static Refusal NoSuchInvitation => new Refusal.Invalid("assignment", "There is no such invitation.");

    private static Guid? AssignmentNamedBy(SubmissionCommand command) => command switch
    {
        ExtendDeadline c => c.Assignment,
        SendReminder c => c.Assignment,
        AcceptInvitation c => c.Assignment,
        DeclineInvitation c => c.Assignment,
        RescindInvitation c => c.Assignment,
        SubmitReview c => c.Assignment,
        _ => null
    };

    /// <summary>The action a command performs, in the words of a refusal ("You may not change the title").</summary>
    public static string Describe(SubmissionCommand command) => Permissions.For(command).Action;

    private static Decision Start(Guid submission, StartSubmission c, Journal? journal, Actor actor, DateTimeOffset now)
    {
        if (journal is null) return new Refusal.Invalid("journal", "There is no such journal.");
        if (!journal.ManuscriptTypes.Contains(c.Type))
            return new Refusal.Invalid("type", $"{journal.Title} does not publish {c.Type.Describe().ToLowerInvariant()}s.");
        return Decision.Record(new SubmissionStarted(submission, journal.Id, c.Type, actor.Account, now));
    }

    private static Decision ChangeTitle(Submission s, SetTitle c, Actor actor, DateTimeOffset now)
    {
        var title = c.Title.Trim();
        if (SubmissionRules.CheckTitle(title) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        return title == s.Title ? Decision.NothingToRecord : Decision.Record(new TitleChanged(s.Id, title, actor.Account, now));
    }

    private static Decision ChangeAbstract(Submission s, SetAbstract c, Actor actor, DateTimeOffset now)
    {
        var text = c.Abstract.Trim();
        if (SubmissionRules.CheckAbstract(text) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        return text == s.Abstract ? Decision.NothingToRecord : Decision.Record(new AbstractChanged(s.Id, text, actor.Account, now));
    }

    private static Decision ChangeKeywords(Submission s, SetKeywords c, Actor actor, DateTimeOffset now)
    {
        var keywords = SubmissionRules.TidyKeywords(c.Keywords);
        if (SubmissionRules.CheckKeywords(keywords) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        return keywords.SequenceEqual(s.Keywords) ? Decision.NothingToRecord : Decision.Record(new KeywordsChanged(s.Id, keywords, actor.Account, now));
    }

    private static Decision ChangeAuthors(Submission s, SetAuthors c, Actor actor, DateTimeOffset now)
    {
        IReadOnlyList<ContributingAuthor> authors = [.. c.Authors.Select(SubmissionRules.Tidy)];
        if (SubmissionRules.CheckAuthors(authors) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        return authors.SequenceEqual(s.Authors) ? Decision.NothingToRecord : Decision.Record(new AuthorsChanged(s.Id, authors, actor.Account, now));
    }

    private static Decision ChangePreferences(Submission s, SetReviewerPreferences c, Actor actor, DateTimeOffset now)
    {
        if (ReviewerPreference.Check(c.Preferences) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        IReadOnlyList<ReviewerPreference> preferences = [.. c.Preferences.Select(p => p.Tidy())];
        return preferences.SequenceEqual(s.ReviewerPreferences) ? Decision.NothingToRecord : Decision.Record(new ReviewerPreferencesChanged(s.Id, preferences, actor.Account, now));
    }

    private static Decision Attach(Submission s, AttachManuscript c, Actor actor, DateTimeOffset now)
    {
        if (SubmissionRules.CheckFile(c.FileName, c.MediaType, c.Size, c.Sha256) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        var version = s.Status == SubmissionStatus.RevisionRequested ? s.ManuscriptVersion + 1 : s.ManuscriptVersion;
        var embedded = string.IsNullOrWhiteSpace(c.EmbeddedAuthor) ? null : c.EmbeddedAuthor.Trim()[..Math.Min(c.EmbeddedAuthor.Trim().Length, 500)];
        return Decision.Record(new ManuscriptFileAttached(s.Id, version, c.FileName, c.MediaType, c.Size, c.Sha256.ToLowerInvariant(), actor.Account, now, embedded));
    }

    private static Decision Submit(Submission s, Actor actor, DateTimeOffset now)
    {
        var missing = SubmissionRules.WhatIsMissing(s);
        if (missing.Count > 0)
            return new Refusal.Invalid([.. missing.Select(m => new FieldError(m.Field, $"Before submitting, add {m.Message}."))]);
        return Decision.Record(new ManuscriptSubmitted(s.Id, s.Journal, s.ManuscriptVersion, actor.Account, now));
    }
}
