using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Integrity;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;
using Xunit;

namespace EditorialPortal.Tests.Authorisation;

/// <summary>
/// Every command that exists, for every kind of person, in every state that matters, decided by the real deciders
/// and checked against the policy written out here in domain words, independently of the table the deciders use.
/// </summary>
public sealed class PermissionsMatrixTests
{
    public enum Persona
    {
        Anonymous, ThePortal, Stranger, AccountHolder, SubmittingAuthor, CoAuthor,
        EditorInChief, HandlingEditor, Reviewer, ProductionEditor, Copyeditor, IntegrityAnalyst, JournalAdministrator, SystemAdministrator,
        // People with two hats: a role in the journal, and their name (matched by email) on the manuscript's author list.
        EditorInChiefAndAuthor, HandlingEditorAndCoAuthor, ReviewerAndCoAuthor, JournalAdministratorAndAuthor, IntegrityAnalystAndAuthor
    }

    private static readonly Persona[] TwoHats =
        [Persona.EditorInChiefAndAuthor, Persona.HandlingEditorAndCoAuthor, Persona.ReviewerAndCoAuthor, Persona.JournalAdministratorAndAuthor, Persona.IntegrityAnalystAndAuthor];

    public enum State { Absent, Draft, Submitted, UnderReview, Exists }

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid SubmissionId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid TargetAccount = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Invitation = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid ProductionId = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid CopyeditTask = Guid.Parse("00000000-0000-0000-0000-0000000000d2");
    private static readonly Guid ProofTask = Guid.Parse("00000000-0000-0000-0000-0000000000d3");
    private static readonly Guid NoRound = Guid.Parse("00000000-0000-0000-0000-0000000000d4");
    private static readonly Guid ArticleId = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private static readonly Guid IssueId = JournalIssue.StreamOf(JournalId, 1, 1);

    private static readonly Dictionary<Persona, Actor> Actors = Enum.GetValues<Persona>().ToDictionary(p => p, p => p switch
    {
        Persona.Anonymous => Actor.Anonymous,
        Persona.ThePortal => Actor.System,
        Persona.AccountHolder => new Actor(TargetAccount, "Holder", "holder@example.org"),
        _ => new Actor(new Guid($"00000000-0000-0000-0001-{(int)p:D12}"), p.ToString(), $"{p.ToString().ToLowerInvariant()}@example.org")
    });

    private static readonly Dictionary<Persona, JournalRole> RoleOf = new()
    {
        [Persona.EditorInChief] = JournalRole.EditorInChief,
        [Persona.HandlingEditor] = JournalRole.HandlingEditor,
        [Persona.Reviewer] = JournalRole.Reviewer,
        [Persona.ProductionEditor] = JournalRole.ProductionEditor,
        [Persona.Copyeditor] = JournalRole.Copyeditor,
        [Persona.IntegrityAnalyst] = JournalRole.IntegrityAnalyst,
        [Persona.JournalAdministrator] = JournalRole.JournalAdministrator,
        [Persona.EditorInChiefAndAuthor] = JournalRole.EditorInChief,
        [Persona.HandlingEditorAndCoAuthor] = JournalRole.HandlingEditor,
        [Persona.ReviewerAndCoAuthor] = JournalRole.Reviewer,
        [Persona.JournalAdministratorAndAuthor] = JournalRole.JournalAdministrator,
        [Persona.IntegrityAnalystAndAuthor] = JournalRole.IntegrityAnalyst
    };

    private static readonly ProductionUpload Upload = new("copyedited.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 10, new string('c', 64));

    /// <summary>One sample of every command. A command without one fails <see cref="Every_command_that_exists_is_in_the_matrix"/>.</summary>
    private static readonly Dictionary<Type, object> Samples = new object[]
    {
        new StartSubmission(JournalId, ManuscriptType.ResearchArticle), new SetTitle("T"), new SetAbstract("A"), new SetKeywords(["k"]),
        new SetAuthors([new ContributingAuthor("Author", "submittingauthor@example.org", "Uni", null, true)]),
        new AttachManuscript("m.pdf", "application/pdf", 10, new string('a', 64)), new SubmitManuscript(),
        new ReturnToAuthor("Please add line numbers."), new DeskReject("Out of scope."), new AssignHandlingEditor(Guid.NewGuid()),
        new InviteReviewer(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(7), Now.AddDays(30)), new RescindInvitation(Invitation, "Not needed"),
        new RecordDecision(DecisionKind.Accept, "Accepted.", "Enough"), new AcceptInvitation(Invitation), new DeclineInvitation(Invitation, "Busy"),
        new SubmitReview(Invitation, Recommendation.Accept, "Fine.", ""), new SaveReviewDraft(SubmissionId, Recommendation.Accept, "So far.", ""),
        new SubmitRevision("Revised as asked."),
        new ReinvitePreviousReviewers(Now.AddDays(7), Now.AddDays(30)), new RequestWithdrawal("An error in the data."), new ConfirmWithdrawal(),
        new CreateJournal("J", null, "", [ManuscriptType.ResearchArticle]), new GrantJournalRole(TargetAccount, JournalRole.Reviewer),
        new RevokeJournalRole(Actors[Persona.EditorInChief].Account, JournalRole.EditorInChief),
        new RegisterAccount("N", "n@example.org", "", null, "hash"), new NoteRegistrationAttempt(new RegisterAccount("N", "n@example.org", "", null, "hash")),
        new ConfirmEmail(Guid.NewGuid()), new RequestEmailConfirmation(Guid.NewGuid()), new SignIn(true), new ChangeProfile("N", "", null),
        new ChangePassword(true, "hash"), new RequestPasswordReset(Guid.NewGuid()), new ResetPassword(Guid.NewGuid(), "hash"),
        new CreateAccessToken(Guid.NewGuid(), "t", "hash"), new RevokeAccessToken(Guid.NewGuid()), new RevokeAllAccessTokens(), new AppointSystemAdministrator(),
        new DeclareExpertise(["k"]), new ExtendDeadline(Invitation, Now.AddDays(40)), new RescindDecision("Decided in error."),
        new SendReminder(Invitation, ReminderKind.ReviewOverdue), new ChangeReminderSchedule(new ReminderSchedule(1, 2, 3)),
        new SetReviewerPreferences([new ReviewerPreference("Sven Svensson", "sven@lu.se", "Knows the method", false)]),
        new ConfirmDecision("Accepted."), new ReturnRecommendation("Too harsh."), new ChangeDecisionConfirmation(true), new ChangeDecisionNoticeToReviewers(true),
        new ChangeProductionSettings(new ProductionSettings(Copyediting: false)),
        new AssignCopyedit(Guid.NewGuid(), Actors[Persona.Copyeditor].Account, Now.AddDays(7)), new UploadCopyeditedFile(CopyeditTask, Upload),
        new CompleteCopyedit(CopyeditTask), new ReopenCopyedit(CopyeditTask, "Missed the references."), new AcceptCopyedits(), new SendCopyeditCorrections("My name is misspelt."),
        new AssignTypesetting(Guid.NewGuid(), Actors[Persona.ProductionEditor].Account, Now.AddDays(7)),
        new UploadGalley(NoRound, Guid.NewGuid(), GalleyFormat.Pdf, "PDF", "en", 1, Upload), new CompleteTypesetting(NoRound),
        new SendProofs(Guid.NewGuid(), ProofReaderKind.Author, Now.AddDays(7)), new ApproveProofs(ProofTask),
        new RequestProofCorrections(ProofTask, [new ProofCorrection(Guid.NewGuid(), "Figure 2 is blurred.")]),
        new SetPublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"), new MarkReadyToPublish(),
        new SendProductionReminder(CopyeditTask), new BeginProduction(SubmissionId, JournalId),
        new ChangePublicationSettings(new PublicationSettings("tests", "10.55555")), new AssignDoi("10.55555/abcd-efgh"), new PublishArticle(),
        new CancelScheduledPublication(), new PublishDueArticle(), new RecordDepositAnswer("batch", DepositResult.Registered, "Registered."),
        new RecordDepositReport("batch", DepositResult.Registered, "Registered."), new DepositAgain(),
        new PublishNotice(Guid.NewGuid(), ArticleNoticeKind.Correction, "Table 2 gave the wrong unit.", "10.55555/abcd-efgh"),
        new UnpublishArticle("A court ordered it taken down."), new BeginNewVersion(VersionKind.Minor, "The second author's name is spelt right."), new PublishNewVersion(),
        new CorrectArticleMetadata("Tides and plankton", "We counted plankton.", ["tides"]),
        new PublishInIssue(IssueId), new CreateIssue(JournalId, 1, 1, 2026), new DescribeIssue("Estuaries", "", null), new PlanArticle(ArticleId, 0, "1–9"),
        new TakeOutOfIssue(ArticleId), new PublishIssue(), new CancelIssueSchedule(), new PublishDueIssue(),
        new ChangeMailTemplate(NoticeKind.SubmissionReceived, "Thanks", "Dear {recipient}, thank you."), new DeclareConflict("I supervised the first author."),
        new RaiseIntegrityConcern(Guid.NewGuid(), "Two of its reviewers were suggested by the authors at webmail addresses.", Hold: true),
        new LiftIntegrityConcern(Guid.NewGuid(), "The reviewers are who they say they are.")
    }.ToDictionary(c => c.GetType());

    /// <summary>The policy, in domain words: who may issue each command.</summary>
    private static readonly Persona[] JournalAdministrators = [Persona.JournalAdministrator, Persona.JournalAdministratorAndAuthor, Persona.SystemAdministrator, Persona.ThePortal];
    private static readonly Persona[] SignedInPeople = [.. Enum.GetValues<Persona>().Except([Persona.Anonymous, Persona.ThePortal])];

    /// <summary>
    /// The handling editor and the invited reviewer are such only once the manuscript is under review. A person with two
    /// hats is the manuscript's handling editor or its invited reviewer in the cases where they wear that hat, and is still
    /// refused: an author never judges their own manuscript.
    /// </summary>
    private static IReadOnlyCollection<Persona> MayIssue(Type command, State state) => command.Name switch
    {
        nameof(InviteReviewer) or nameof(RescindInvitation) or nameof(RecordDecision) or nameof(ReinvitePreviousReviewers) or nameof(ConfirmWithdrawal)
            or nameof(ExtendDeadline) when state != State.UnderReview => [Persona.EditorInChief],
        nameof(AcceptInvitation) or nameof(DeclineInvitation) or nameof(SubmitReview) or nameof(SaveReviewDraft) when state != State.UnderReview => [],
        // Editors see a manuscript once it is submitted; a reviewer once invited.
        nameof(DeclareConflict) => state switch
        {
            State.Submitted => [Persona.EditorInChief, Persona.HandlingEditor],
            State.UnderReview => [Persona.EditorInChief, Persona.HandlingEditor, Persona.Reviewer],
            _ => []
        },
        _ => MayIssue(command)
    };

    private static IReadOnlyCollection<Persona> MayIssue(Type command) => command.Name switch
    {
        nameof(StartSubmission) => SignedInPeople,
        nameof(SetTitle) or nameof(SetAbstract) or nameof(SetKeywords) or nameof(SetAuthors) or nameof(SetReviewerPreferences) or nameof(AttachManuscript)
            or nameof(SubmitManuscript) => [Persona.SubmittingAuthor],
        nameof(ReturnToAuthor) or nameof(DeskReject) or nameof(AssignHandlingEditor) => [Persona.EditorInChief],
        nameof(InviteReviewer) or nameof(RescindInvitation) or nameof(RecordDecision) or nameof(ReinvitePreviousReviewers) or nameof(ConfirmWithdrawal)
            or nameof(ExtendDeadline) => [Persona.HandlingEditor, Persona.EditorInChief],
        nameof(RescindDecision) or nameof(ConfirmDecision) or nameof(ReturnRecommendation) => [Persona.EditorInChief],
        nameof(ChangeDecisionConfirmation) or nameof(ChangeDecisionNoticeToReviewers) or nameof(ChangeMailTemplate) => JournalAdministrators,
        nameof(SendReminder) => [Persona.ThePortal],
        nameof(ChangeReminderSchedule) => JournalAdministrators,
        nameof(SubmitRevision) or nameof(RequestWithdrawal) => [Persona.SubmittingAuthor],
        nameof(AcceptInvitation) or nameof(DeclineInvitation) or nameof(SubmitReview) or nameof(SaveReviewDraft) => [Persona.Reviewer],
        nameof(CreateJournal) => [Persona.SystemAdministrator, Persona.ThePortal],
        nameof(GrantJournalRole) or nameof(RevokeJournalRole) => JournalAdministrators,
        nameof(RegisterAccount) or nameof(NoteRegistrationAttempt) or nameof(ConfirmEmail) or nameof(RequestEmailConfirmation) or nameof(SignIn) or nameof(RequestPasswordReset)
            or nameof(ResetPassword) => Enum.GetValues<Persona>(),
        nameof(ChangeProfile) or nameof(ChangePassword) or nameof(CreateAccessToken) or nameof(RevokeAccessToken) or nameof(RevokeAllAccessTokens) or nameof(DeclareExpertise)
            => [Persona.AccountHolder],
        nameof(AppointSystemAdministrator) => [Persona.SystemAdministrator, Persona.ThePortal],
        nameof(ChangeProductionSettings) or nameof(ChangePublicationSettings) => JournalAdministrators,
        nameof(AssignDoi) or nameof(PublishArticle) or nameof(CancelScheduledPublication) => [Persona.ProductionEditor],
        nameof(PublishDueArticle) or nameof(RecordDepositAnswer) or nameof(RecordDepositReport) => [Persona.ThePortal],
        nameof(DepositAgain) or nameof(PublishNotice) or nameof(UnpublishArticle) or nameof(BeginNewVersion) or nameof(PublishNewVersion) => [Persona.ProductionEditor],
        nameof(PublishInIssue) or nameof(PublishDueIssue) => [Persona.ThePortal],
        nameof(CreateIssue) or nameof(DescribeIssue) or nameof(PlanArticle) or nameof(TakeOutOfIssue) or nameof(PublishIssue) or nameof(CancelIssueSchedule)
            => [Persona.ProductionEditor],
        // The production's copyedit is the copyeditor's task; its round is nobody's yet; its proofs went to the author.
        nameof(AssignCopyedit) or nameof(ReopenCopyedit) or nameof(AssignTypesetting) or nameof(SendProofs) or nameof(SetPublicationDetails)
            or nameof(MarkReadyToPublish) or nameof(UploadGalley) or nameof(CompleteTypesetting) or nameof(CorrectArticleMetadata) => [Persona.ProductionEditor],
        nameof(UploadCopyeditedFile) or nameof(CompleteCopyedit) => [Persona.Copyeditor, Persona.ProductionEditor],
        nameof(AcceptCopyedits) or nameof(SendCopyeditCorrections) or nameof(ApproveProofs) or nameof(RequestProofCorrections) => [Persona.SubmittingAuthor],
        nameof(SendProductionReminder) or nameof(BeginProduction) => [Persona.ThePortal],
        nameof(RaiseIntegrityConcern) or nameof(LiftIntegrityConcern) => [Persona.IntegrityAnalyst],
        _ => throw new InvalidOperationException($"The matrix says nothing of {command.Name}.")
    };

    private static IEnumerable<State> StatesOf(Type command) =>
        typeof(SubmissionCommand).IsAssignableFrom(command) || command == typeof(SaveReviewDraft) ? [State.Absent, State.Draft, State.Submitted, State.UnderReview]
        : typeof(JournalCommand).IsAssignableFrom(command) ? [State.Absent, State.Exists]
        : [State.Absent, State.Exists];

    public static TheoryData<string, Persona, State> Cases()
    {
        var cases = new TheoryData<string, Persona, State>();
        foreach (var command in Samples.Keys.OrderBy(t => t.Name))
            foreach (var persona in Enum.GetValues<Persona>())
                foreach (var state in StatesOf(command))
                    cases.Add(command.Name, persona, state);
        return cases;
    }

    [Fact]
    public void Every_command_that_exists_is_in_the_matrix_and_in_the_authorisation_table()
    {
        var commands = typeof(Decision).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Command).IsAssignableFrom(t))
            .ToHashSet();
        Assert.Equal(commands.OrderBy(t => t.Name), Samples.Keys.OrderBy(t => t.Name));
        Assert.Equal(commands.OrderBy(t => t.Name), Permissions.Table.Keys.OrderBy(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_person_may_issue_exactly_the_commands_the_policy_gives_them(string commandName, Persona persona, State state)
    {
        var command = Samples.Single(s => s.Key.Name == commandName).Value;
        var decision = Decide(command, persona, state);
        var authorised = MayIssue(command.GetType(), state).Contains(persona);
        var refusal = decision.Refusal;

        if (!authorised)
        {
            var notAuthorised = Assert.IsType<Refusal.NotAuthorised>(refusal);
            Assert.Equal(Actors[persona].Account, notAuthorised.Actor);
            Assert.False(string.IsNullOrWhiteSpace(notAuthorised.Reason));
            // The person holds the role the command asks for; the refusal says it is their authorship that stops them.
            if (TwoHats.Contains(persona) && MayIssue(command.GetType(), state).Contains(Wearing(persona)) && state != State.Absent)
                Assert.Equal(ConflictsOfInterest.AuthorNeverJudges, notAuthorised.Reason);
            return;
        }
        // Authorised: any refusal now is about the state of things, never about who asks.
        if (refusal is Refusal.NotAuthorised wrongly && !IsAbsenceOfTarget(command, state))
            Assert.Fail($"{persona} was refused {commandName} in state {state}: {wrongly.Reason}");
        if (AuthorsEdits.Contains(commandName) && state is State.Submitted or State.UnderReview)
            Assert.IsType<Refusal.NotAllowedInState>(refusal);
    }

    /// <summary>The one-hat persona whose role a two-hat persona holds.</summary>
    private static Persona Wearing(Persona persona) => persona switch
    {
        Persona.EditorInChiefAndAuthor => Persona.EditorInChief,
        Persona.HandlingEditorAndCoAuthor => Persona.HandlingEditor,
        Persona.ReviewerAndCoAuthor => Persona.Reviewer,
        Persona.JournalAdministratorAndAuthor => Persona.JournalAdministrator,
        Persona.IntegrityAnalystAndAuthor => Persona.IntegrityAnalyst,
        _ => persona
    };

    /// <summary>Changes to the manuscript itself, which end when it is submitted.</summary>
    private static readonly IReadOnlySet<string> AuthorsEdits = new HashSet<string>
    {
        nameof(SetTitle), nameof(SetAbstract), nameof(SetKeywords), nameof(SetAuthors), nameof(SetReviewerPreferences), nameof(AttachManuscript), nameof(SubmitManuscript)
    };

    // A command on a journal or account that does not exist is refused as if the person had no standing there.
    private static bool IsAbsenceOfTarget(object command, State state) =>
        state == State.Absent && command is not (StartSubmission or CreateJournal or RegisterAccount);


    private static Decision Decide(object command, Persona persona, State state)
    {
        var actor = Actors[persona];
        var journal = Journal();
        var submission = state switch
        {
            State.Absent => null,
            State.Draft => Submission(State.Draft, persona),
            State.Submitted => Submission(State.Submitted, persona),
            _ => Submission(State.UnderReview, persona)
        };
        return command switch
        {
            SubmissionCommand c => SubmissionDecider.Decide(SubmissionId, c, submission, journal, actor, Now, Account(Actors[Persona.Reviewer].Account, "reviewer@example.org")),
            // A draft's stream is its invitation's.
            SaveReviewDraft c => StreamKinds.ReviewDrafts.Decide(Invitation, c, null, actor,
                new DecisionContext(journal, new Dictionary<Guid, Account>(), new HashSet<string>(), false, Now) { Submission = submission }),
            JournalCommand c => JournalDecider.Decide(JournalId, c, state == State.Absent ? null : journal,
                persona == Persona.SystemAdministrator, grantee: true, actor, Now),
            ProductionCommand c => ProductionDecider.Decide(ProductionId, c, state == State.Absent ? null : Production(), journal, actor, Now,
                Account(Actors[Persona.Copyeditor].Account, "copyeditor@example.org")),
            PublicationCommand c => PublicationDecider.Decide(ArticleId, c, state == State.Absent ? null : Article(), journal, actor, Now),
            IssueCommand c => StreamKinds.Issues.Decide(IssueId, c, state == State.Absent ? null : JournalIssue.Fold(null,
                    new IssueCreated(IssueId, JournalId, 1, 1, 2026, "", "", null, Guid.Empty, Now)), actor,
                new DecisionContext(journal, new Dictionary<Guid, Account>(), new HashSet<string>(), false, Now)),
            AccountCommand c => AccountDecider.Decide(TargetAccount, c, state == State.Absent ? null : Account(TargetAccount, "holder@example.org"), emailTaken: false,
                persona == Persona.SystemAdministrator, actor, Now),
            _ => throw new ArgumentOutOfRangeException(nameof(command))
        };
    }

    private static Journal Journal() =>
        new IHistoricalFact[] { new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now) }
            .Concat(RoleOf.Select(r => (IHistoricalFact)new JournalRoleGranted(JournalId, Actors[r.Key].Account, r.Value, Guid.Empty, Now)))
            .Aggregate<IHistoricalFact, Journal?>(null, EditorialPortal.Domain.Journals.Journal.Fold)!;

    /// <param name="wearing">The persona deciding: a handling editor or reviewer with a second hat is the one assigned or invited.</param>
    private static Submission Submission(State state, Persona wearing)
    {
        var author = Actors[Persona.SubmittingAuthor].Account;
        var handlingEditor = Actors[wearing == Persona.HandlingEditorAndCoAuthor ? wearing : Persona.HandlingEditor].Account;
        var reviewer = Actors[wearing == Persona.ReviewerAndCoAuthor ? wearing : Persona.Reviewer].Account;
        IHistoricalFact[] facts =
        [
            new SubmissionStarted(SubmissionId, JournalId, ManuscriptType.ResearchArticle, author, Now),
            new TitleChanged(SubmissionId, "T", author, Now), new AbstractChanged(SubmissionId, "A", author, Now), new KeywordsChanged(SubmissionId, ["k"], author, Now),
            new AuthorsChanged(SubmissionId, [new("Author", Actors[Persona.SubmittingAuthor].Email, "Uni", null, true), new("Co", Actors[Persona.CoAuthor].Email, "Uni", null, false),
                .. TwoHats.Select(p => new ContributingAuthor(p.ToString(), Actors[p].Email.ToUpperInvariant(), "Uni", null, false))], author, Now),
            new ManuscriptFileAttached(SubmissionId, 1, "m.pdf", "application/pdf", 10, new string('a', 64), author, Now)
        ];
        if (state is State.Submitted or State.UnderReview) facts = [.. facts, new ManuscriptSubmitted(SubmissionId, JournalId, 1, author, Now)];
        if (state is State.UnderReview)
            facts = [.. facts, new HandlingEditorAssigned(SubmissionId, handlingEditor, Actors[Persona.EditorInChief].Account, Now),
                new ReviewerInvited(SubmissionId, Invitation, reviewer, 1, 1, Now.AddDays(7), Now.AddDays(30), null, handlingEditor, Now),
                new InvitationAccepted(SubmissionId, Invitation, reviewer, Now)];
        return facts.Aggregate<IHistoricalFact, Submission?>(null, EditorialPortal.Domain.Submissions.Submission.Fold)!;
    }

    /// <summary>An article in production: a copyedit given to the copyeditor, and proofs sent to the author.</summary>
    private static ArticleProduction Production()
    {
        var author = Actors[Persona.SubmittingAuthor].Account;
        var editor = Actors[Persona.ProductionEditor].Account;
        var accepted = new ProductionFile("m.pdf", "application/pdf", 10, new string('a', 64), author, Now);
        return new IHistoricalFact[]
        {
            new ProductionStarted(ProductionId, SubmissionId, JournalId, ManuscriptType.ResearchArticle, "T", "A", ["k"], [new("Author", "submittingauthor@example.org", "Uni", null, true)],
                author, accepted, Now, [], Now, ProductionSettings.Default, editor, Now),
            new CopyeditAssigned(ProductionId, CopyeditTask, 1, Actors[Persona.Copyeditor].Account, Now.AddDays(7), null, [accepted], editor, Now),
            new ProofsSent(ProductionId, ProofTask, 1, author, ProofReaderKind.Author, Now.AddDays(7), [], editor, Now)
        }.Aggregate<IHistoricalFact, ArticleProduction?>(null, ArticleProduction.Fold)!;
    }

    /// <summary>An article production declared ready, waiting to be published.</summary>
    private static PublishedArticle Article() =>
        PublishedArticle.Fold(null, new ArticleReadyForPublication(ArticleId, SubmissionId, JournalId, Actors[Persona.SubmittingAuthor].Account,
            ArticleMetadata.Of(Production()), Actors[Persona.ProductionEditor].Account, Now))!;

    private static Account Account(Guid id, string email) =>
        new IHistoricalFact[]
        {
            new AccountRegistered(id, "Holder", email, "", null, id, Now), new PasswordSet(id, "hash", id, Now),
            new EmailConfirmed(id, id, Now)
        }.Aggregate<IHistoricalFact, Account?>(null, EditorialPortal.Domain.People.Account.Fold)!;
}
