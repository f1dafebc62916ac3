using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using Xunit;

namespace EditorialPortal.Tests.Triage;

/// <summary>The editor-in-chief's triage of newly submitted manuscripts.</summary>
public sealed class TriageDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Actor Alice = new(Guid.Parse("00000000-0000-0000-0000-00000000a11c"), "Alice Smith", "alice@bristol.ac.uk");
    private static readonly Actor Erin = new(Guid.Parse("00000000-0000-0000-0000-00000000e111"), "Erin Jones", "erin@toronto.ca");
    private static readonly Account Hugo = Person(Guid.Parse("00000000-0000-0000-0000-000000000409"), "Hugo Handler", "hugo@uchile.cl");
    private static readonly Account Carl = Person(Guid.Parse("00000000-0000-0000-0000-00000000c0a1"), "Carl Coauthor", "carl@bristol.ac.uk");
    private static readonly Account Nora = Person(Guid.Parse("00000000-0000-0000-0000-0000000000a0"), "Nora Nobody", "nora@example.org");

    private static readonly Journal Journal = new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Erin.Account, JournalRole.EditorInChief, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Hugo.Id, JournalRole.HandlingEditor, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Carl.Id, JournalRole.HandlingEditor, Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static Account Person(Guid id, string name, string email) =>
        Account.Fold(null, new AccountRegistered(id, name, email, "", null, id, Now))!;

    private static IHistoricalFact[] Submitted =>
    [
        new SubmissionStarted(Id, JournalId, ManuscriptType.ResearchArticle, Alice.Account, Now),
        new TitleChanged(Id, "Tidal mixing", Alice.Account, Now), new AbstractChanged(Id, "We measured it.", Alice.Account, Now),
        new KeywordsChanged(Id, ["tides"], Alice.Account, Now),
        new AuthorsChanged(Id, [new("Alice Smith", Alice.Email, "Bristol", null, true), new("Carl Coauthor", Carl.Email, "Bristol", null, false)], Alice.Account, Now),
        new ManuscriptFileAttached(Id, 1, "paper.pdf", "application/pdf", 1234, new string('a', 64), Alice.Account, Now),
        new ManuscriptSubmitted(Id, JournalId, 1, Alice.Account, Now)
    ];

    private static Submission Given(params IHistoricalFact[] facts) => facts.Aggregate<IHistoricalFact, Submission?>(null, Submission.Fold)!;

    private static Decision When(Submission state, SubmissionCommand command, Actor? actor = null, Account? subject = null) =>
        SubmissionDecider.Decide(Id, command, state, Journal, actor ?? Erin, Now, subject);

    [Fact]
    public void Returning_an_incomplete_manuscript_sends_it_back_to_draft_with_the_message_and_the_author_may_resubmit()
    {
        var returned = Assert.IsType<SubmissionReturnedToAuthor>(Assert.Single(When(Given(Submitted), new ReturnToAuthor(" Please add line numbers. ")).Facts));
        Assert.Equal("Please add line numbers.", returned.Message);
        var draft = Submission.Fold(Given(Submitted), returned)!;
        Assert.Equal((SubmissionStatus.Draft, "Please add line numbers."), (draft.Status, draft.MessageToAuthor));
        Assert.IsType<ManuscriptSubmitted>(Assert.Single(When(draft, new SubmitManuscript(), Alice).Facts));
    }

    [Fact]
    public void Returning_needs_a_message_for_the_author() =>
        Assert.Equal("message", Assert.Single(Assert.IsType<Refusal.Invalid>(When(Given(Submitted), new ReturnToAuthor("  ")).Refusal).Errors).Field);

    [Fact]
    public void A_desk_rejection_records_the_letter_and_ends_the_journey()
    {
        var rejected = Assert.IsType<SubmissionDeskRejected>(Assert.Single(When(Given(Submitted), new DeskReject("Out of scope for this journal.")).Facts));
        var state = Submission.Fold(Given(Submitted), rejected)!;
        Assert.Equal(SubmissionStatus.Rejected, state.Status);
        Assert.IsType<Refusal.NotAllowedInState>(When(state, new AssignHandlingEditor(Hugo.Id), subject: Hugo).Refusal);
        Assert.IsType<Refusal.NotAllowedInState>(When(state, new ReturnToAuthor("Back")).Refusal);
    }

    [Fact]
    public void Assigning_a_handling_editor_puts_the_manuscript_with_them()
    {
        var assigned = Assert.IsType<HandlingEditorAssigned>(Assert.Single(When(Given(Submitted), new AssignHandlingEditor(Hugo.Id), subject: Hugo).Facts));
        var state = Submission.Fold(Given(Submitted), assigned)!;
        Assert.Equal((SubmissionStatus.WithEditor, (Guid?)Hugo.Id), (state.Status, state.HandlingEditor));
        Assert.Empty(When(state, new AssignHandlingEditor(Hugo.Id), subject: Hugo).Facts);
    }

    [Fact]
    public void A_co_author_never_handles_the_manuscript()
    {
        var refusal = Assert.IsType<Refusal.Invalid>(When(Given(Submitted), new AssignHandlingEditor(Carl.Id), subject: Carl).Refusal);
        Assert.Contains("is an author of this manuscript", refusal.Message);
    }

    [Fact]
    public void Only_the_journals_editors_can_be_assigned() =>
        Assert.Equal("editor", Assert.Single(Assert.IsType<Refusal.Invalid>(When(Given(Submitted), new AssignHandlingEditor(Nora.Id), subject: Nora).Refusal).Errors).Field);

    [Fact]
    public void Only_the_editor_in_chief_triages()
    {
        var hugo = new Actor(Hugo.Id, Hugo.Name, Hugo.Email);
        foreach (var command in new SubmissionCommand[] { new ReturnToAuthor("x"), new DeskReject("x"), new AssignHandlingEditor(Hugo.Id) })
        {
            Assert.IsType<Refusal.NotAuthorised>(When(Given(Submitted), command, hugo, Hugo).Refusal);
            Assert.IsType<Refusal.NotAuthorised>(When(Given(Submitted), command, Alice, Hugo).Refusal);
        }
    }

    [Fact]
    public void The_history_tells_the_triage_in_domain_words()
    {
        var names = new Dictionary<Guid, string> { [Hugo.Id] = Hugo.Name };
        Assert.Equal("assigned Hugo Handler as handling editor", SubmissionNarrative.Tell(new HandlingEditorAssigned(Id, Hugo.Id, Erin.Account, Now), names).Description);
        Assert.Equal("rejected the manuscript at the desk", SubmissionNarrative.Tell(new SubmissionDeskRejected(Id, "letter", Erin.Account, Now), names).Description);
    }
}
