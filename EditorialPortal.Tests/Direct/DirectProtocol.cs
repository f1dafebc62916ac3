using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.People;
using EditorialPortal.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;

namespace EditorialPortal.Tests.Direct;

/// <summary>The direct actor: calls the application ports in-process, on the in-memory record. Milliseconds per scenario.</summary>
public sealed class DirectProtocol : IProtocol
{
    private readonly InMemoryEditorialRecord _record = new(TimeProvider.System);
    private readonly ManuscriptIntake _intake;

    public DirectProtocol()
    {
        _intake = new ManuscriptIntake(_record, new InMemoryFileStore());
        Backstage = new Backstage(_record);
    }

    public string Kind => "direct";

    public Backstage Backstage { get; }

    public async Task<IEditorialAbility> SignIn(PersonAccount account)
    {
        var signedIn = await new AccountSignIn(_record).Verify(account.Email, account.Password)
            ?? throw new InvalidOperationException($"{account.Email} could not sign in.");
        return new DirectAbility(new Actor(signedIn.Id, signedIn.Name, signedIn.Email), _record, _intake);
    }

    private sealed class DirectAbility(Actor actor, InMemoryEditorialRecord record, ManuscriptIntake intake) : IEditorialAbility
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

        public async Task<IReadOnlyList<QueuedManuscript>> NewSubmissions(Guid journal) =>
            (await record.NewSubmissions(journal, actor, new QueueRequest()))?.Items.Select(i => new QueuedManuscript(i.Submission, i.Title)).ToList() ?? [];

        public async Task<SubmissionSighting?> Open(Guid submission)
        {
            var state = await record.Find(submission, actor);
            if (state is null) return null;
            var history = await record.History(submission, actor) ?? [];
            return new SubmissionSighting(state.Status.Describe(), state.Title, [.. history.Select(h => $"{h.ByName} {h.Description}")]);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static SeenRefusal? Seen(CommandOutcome outcome) => outcome switch
        {
            CommandOutcome.Refused { Refusal: Refusal.Invalid invalid } => new SeenRefusal(invalid.Kind, [.. invalid.Errors.Select(e => e.Field)]),
            CommandOutcome.Refused refused => new SeenRefusal(refused.Refusal.Kind, []),
            _ => null
        };
    }
}
