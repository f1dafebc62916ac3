using System.Web;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Notifications;
using EditorialPortal.Review;
using Microsoft.AspNetCore.DataProtection;
using EditorialPortal.People;
using EditorialPortal.Production;
using EditorialPortal.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialPortal.Tests.Direct;

/// <summary>The direct actor: calls the application ports in-process, on the in-memory record. Milliseconds per scenario.</summary>
public sealed partial class DirectProtocol : IProtocol
{
    private readonly InMemoryEditorialRecord _record;
    private readonly ManuscriptIntake _intake;
    private readonly ProductionIntake _production;
    private readonly TestClock _clock = new();
    private readonly ReaderPorts _reader;
    private readonly InMemoryPostOffice _mail = new();
    private readonly AccountService _accounts;
    private readonly MailDispatcher _dispatcher;
    private readonly InvitationAnswers _invitations;

    public DirectProtocol()
    {
        var clock = _clock;
        var links = new PortalLinks("http://portal.test");
        _record = new InMemoryEditorialRecord(clock, links.To);
        var files = new InMemoryFileStore();
        _intake = new ManuscriptIntake(_record, files);
        _production = new ProductionIntake(_record, files);
        _reader = new ReaderPorts(_record, _record, _record, files);
        var keys = new EphemeralDataProtectionProvider();
        var accountLinks = new AccountLinks(keys, links);
        _accounts = new AccountService(_record, _record, accountLinks, clock, TimeSpan.Zero);
        var invitationLinks = new InvitationLinks(keys, links, clock);
        _dispatcher = new MailDispatcher(_record, _mail, invitationLinks, accountLinks, clock, NullLogger<MailDispatcher>.Instance);
        _invitations = new InvitationAnswers(invitationLinks, _record, _record, _record, _record, _record, clock);
        var reminders = new ReminderRound(_record, _record, clock, NullLogger<ReminderRound>.Instance);
        var publishing = new EditorialPortal.Publication.PublishingRound(_record, _record, NullLogger<EditorialPortal.Publication.PublishingRound>.Instance);
        var issues = new EditorialPortal.Publication.IssuePublishingRound(_record, _record, NullLogger<EditorialPortal.Publication.IssuePublishingRound>.Instance);
        Backstage = new Backstage(_record, clock, () => reminders.Run(), (stream, type) =>
        {
            var version = _record.VersionOfFirst(stream, type);
            _record.Tamper(stream, version);
            return Task.FromResult(version);
        }, _intake, _production, async () =>
        {
            await publishing.Run(clock.GetUtcNow());
            await issues.Run(clock.GetUtcNow());
            await (await CrossrefStandIn.Running).Round(_record, _record, _record, links).Run(clock.GetUtcNow());
        });
    }

    public string Kind => "direct";

    /// <summary>The record the protocol's people work on, for a test that runs one of the portal's rounds on it itself.</summary>
    internal InMemoryEditorialRecord Record => _record;

    public Backstage Backstage { get; }

    public async Task<(IEditorialAbility? Ability, string? Problem)> TrySignIn(string email, string password)
    {
        var result = await _accounts.SignIn(email, password);
        return result.Account is { } account
            ? (new DirectAbility(new Actor(account.Id, account.Name, account.Email), _record, _intake, _production, _clock), null)
            : (null, result.Problem);
    }

    public async Task<SeenRefusal?> Register(string name, string email, string password) =>
        Seen(await _accounts.Register(name, email, "University of Scenarios", null, password));

    public async Task<SeenRefusal?> FollowConfirmationLink(string email) =>
        Seen(await _accounts.ConfirmEmail(await LinkMailedTo(email, "/account/confirm")));

    public Task AskForPasswordReset(string email) => _accounts.RequestPasswordReset(email);

    public async Task<SeenRefusal?> FollowPasswordResetLink(string email, string newPassword) =>
        Seen(await _accounts.ResetPassword(await LinkMailedTo(email, "/account/reset-password"), newPassword));

    public async Task<IReadOnlyList<SeenMail>> Mailbox(string email)
    {
        await _dispatcher.DispatchDue();
        return [.. _mail.Sent.Where(m => m.ToAddress == email).Select(m => new SeenMail(m.Subject, m.Body))];
    }

    public async Task<SeenRefusal?> AnswerInvitationFromTheMail(string email, bool accept, string? reason = null, string? suggestion = null)
    {
        var token = InvitationToken((await Mailbox(email)).Last(m => m.Body.Contains("/invitations/", StringComparison.Ordinal)).Body);
        return await _invitations.Answer(token, accept, reason, suggestion) is { } outcome ? Seen(outcome) : new SeenRefusal("NotAuthorised", []);
    }

    /// <summary>The token in the first invitation link of a mail's text.</summary>
    public static string InvitationToken(string body) =>
        new Uri(body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains("/invitations/", StringComparison.Ordinal))).Segments[^1];

    /// <summary>The token of the link to <paramref name="path"/> in the last mail to <paramref name="email"/> that has one.</summary>
    private async Task<string> LinkMailedTo(string email, string path) => TokenOfLink((await Mailbox(email)).Select(m => m.Body), path);

    public static string TokenOfLink(IEnumerable<string> bodies, string path)
    {
        var link = bodies.Reverse().SelectMany(body => body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .First(w => w.StartsWith("http", StringComparison.Ordinal) && w.Contains(path, StringComparison.Ordinal));
        return HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;
    }

    private static SeenRefusal? Seen(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Refused { Refusal: Refusal.Invalid invalid } => new SeenRefusal(invalid.Kind, [.. invalid.Errors.Select(e => e.Field)]),
        CommandOutcome.Refused refused => new SeenRefusal(refused.Refusal.Kind, []),
        _ => null
    };

    private sealed partial class DirectAbility(Actor actor, InMemoryEditorialRecord record, ManuscriptIntake intake, ProductionIntake production, TimeProvider clock)
        : IEditorialAbility
    {
        public async Task<(Guid? Submission, SeenRefusal? Refusal)> StartSubmission(Guid journal, ManuscriptType type)
        {
            var outcome = await record.Execute(Guid.CreateVersion7(), new StartSubmission(journal, type), actor);
            return outcome is CommandOutcome.Accepted accepted ? (accepted.Stream, null) : (null, Seen(outcome));
        }

        public async Task<SeenRefusal?> Execute(Guid submission, SubmissionCommand command) =>
            Seen(await record.Execute(submission, command, actor));

        public async Task<SeenRefusal?> AttachManuscript(Guid submission, string fileName, byte[] content)
        {
            using var stream = new MemoryStream(content);
            return Seen(await intake.Attach(submission, fileName, stream, actor));
        }

        public async Task<IReadOnlyList<QueuedManuscript>?> NewSubmissions(Guid journal) =>
            (await record.NewSubmissions(journal, actor, new QueueRequest()))?.Items.Select(i => new QueuedManuscript(i.Submission, i.Title)).ToList();

        public async Task<IReadOnlyList<QueuedManuscript>?> NeedingAnEditorWithoutAConflict(Guid journal) =>
            (await record.NeedingAnEditorWithoutAConflict(journal, actor))?.Select(i => new QueuedManuscript(i.Submission, i.Title)).ToList();

        public async Task<SubmissionSighting?> Open(Guid submission)
        {
            var state = await record.Find(submission, actor);
            if (state is null) return null;
            var history = await record.History(submission, actor) ?? [];
            return new SubmissionSighting(state.Status.Describe(), state.Title, [.. history.Select(h => $"{h.ByName} {h.Description}")], [.. state.Authors.Select(a => a.Name)]);
        }

        public async Task<SubmissionSighting?> OpenAsItWas(Guid submission, long version)
        {
            if (await record.AsItWas(submission, actor, version) is not { } then) return null;
            var history = await record.History(submission, actor, then.Version) ?? [];
            return new SubmissionSighting(then.State.Status.Describe(), then.State.Title, [.. history.Select(h => $"{h.ByName} {h.Description}")], [.. then.State.Authors.Select(a => a.Name)]);
        }

        // In process the record is the history told in words and the submission those facts fold to, both as the actor may see them.
        public async Task<string?> ReadRecordOf(Guid submission) =>
            await record.History(submission, actor) is { } history && await record.Find(submission, actor) is { } state
                ? string.Join("\n", [.. history.Select(h => $"{h.Version} {h.At:O} {h.By} {h.ByName} {h.Kind} {h.Description}"), System.Text.Json.JsonSerializer.Serialize(state, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })])
                : null;

        public async Task<IReadOnlyList<(Guid Stream, long Version)>?> VerifyRecord()
        {
            var account = await ((Domain.People.IAccountQueries)record).Find(actor.Account);
            if (!JournalRoles.MayVerifyRecord(account?.IsSystemAdministrator == true, await record.WhereStaff(actor), actor.Account)) return null;
            return [.. record.VerifyAll().Breaks.Select(b => (b.Stream, b.Version))];
        }

        public async Task<SeenRefusal?> Grant(Guid journal, string email, JournalRole role)
        {
            var grantee = await record.FindByEmail(email);
            return grantee is null
                ? new SeenRefusal("Invalid", ["account"])
                : Seen(await record.Execute(journal, new GrantJournalRole(grantee.Id, role), actor));
        }

        public async Task<SeenRefusal?> Revoke(Guid journal, Guid account, JournalRole role) =>
            Seen(await record.Execute(journal, new RevokeJournalRole(account, role), actor));

        public async Task<IReadOnlyList<string>> ReviewerJournals() =>
            [.. (await record.WhereStaff(actor)).Where(j => j.Grants(actor.Account, JournalRole.Reviewer)).Select(j => j.Title)];

        public async Task<SeenRefusal?> InviteReviewer(Guid submission, string email, string? conflictReason = null)
        {
            var reviewer = await record.FindByEmail(email);
            var now = DateTimeOffset.UtcNow;
            return Seen(await record.Execute(submission, new InviteReviewer(Guid.CreateVersion7(), reviewer?.Id ?? Guid.Empty, now.AddDays(7), now.AddDays(28), conflictReason), actor));
        }

        public async Task<SeenRefusal?> AnswerInvitation(Guid submission, bool accept, string? reason = null, string? suggestion = null)
        {
            if (await OpenInvitation(submission) is not { } invitation) return new SeenRefusal("NotAuthorised", []);
            return Seen(await record.Execute(submission, accept ? new AcceptInvitation(invitation) : new DeclineInvitation(invitation, reason, suggestion), actor));
        }

        public async Task<SeenRefusal?> SubmitReview(Guid submission, Recommendation recommendation, string commentsToAuthor, string confidentialCommentsToEditor)
        {
            if (await OpenInvitation(submission) is not { } invitation) return new SeenRefusal("NotAuthorised", []);
            return Seen(await record.Execute(submission, new SubmitReview(invitation, recommendation, commentsToAuthor, confidentialCommentsToEditor), actor));
        }

        public async Task<SeenRefusal?> Decide(Guid submission, DecisionKind decision, string letter, string? earlyDecisionReason = null) =>
            Seen(await record.Execute(submission, new RecordDecision(decision, letter, earlyDecisionReason), actor));

        public async Task<IReadOnlyList<SeenReview>> ReviewsShown(Guid submission)
        {
            var state = await record.Find(submission, actor);
            var names = await record.NamesOf(state?.Assignments.Select(a => a.Reviewer) ?? []);
            return [.. (state?.Assignments ?? []).Where(a => a.Review is not null).OrderBy(a => a.Round).ThenBy(a => a.ReviewerNumber)
                .Select(a => new SeenReview(names.GetValueOrDefault(a.Reviewer) ?? $"Reviewer {a.ReviewerNumber}", a.Review!.CommentsToAuthor, a.Review.ConfidentialCommentsToEditor))];
        }

        // The person's own invitation to this submission that is still waiting for them.
        private async Task<Guid?> OpenInvitation(Guid submission) =>
            (await record.ReviewedBy(actor)).FirstOrDefault(s => s.Id == submission)?.Assignments
                .FirstOrDefault(a => a.Reviewer == actor.Account && a.Status is InvitationStatus.Invited or InvitationStatus.Accepted)?.Id;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
