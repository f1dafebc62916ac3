using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Submissions;
using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Review;

/// <summary>The editors' queues: each manuscript where its next step is, counted, and how long it has waited.</summary>
public sealed class EditorialQueueTests
{
    private readonly TestClock _clock = new();
    private readonly InMemoryEditorialRecord _record;
    private readonly Backstage _backstage;

    public EditorialQueueTests()
    {
        _record = new InMemoryEditorialRecord(_clock);
        _backstage = new Backstage(_record, _clock);
    }

    private static Actor Acting(PersonAccount p) => new(p.Id, p.Name, p.Email);

    private async Task<Guid> Submitted(JournalRef journal, Actor author, string title)
    {
        var id = Guid.NewGuid();
        await _record.Execute(id, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), author);
        await _record.Execute(id, new SetTitle(title), author);
        await _record.Execute(id, new SetAbstract("Abstract."), author);
        await _record.Execute(id, new SetKeywords(["k"]), author);
        await _record.Execute(id, new SetAuthors([new ContributingAuthor(author.Name, author.Email, "Somewhere", null, true)]), author);
        using var pdf = new MemoryStream(SamplePdf.WithTitle(title));
        await new ManuscriptIntake(_record, new InMemoryFileStore()).Attach(id, "m.pdf", pdf, author, cancellationToken: TestContext.Current.CancellationToken);
        await _record.Execute(id, new SubmitManuscript(), author);
        return id;
    }

    [Fact]
    public async Task Each_manuscript_is_counted_in_the_queue_of_its_next_step_and_overdue_reviews_surface_with_time()
    {
        var journal = await _backstage.NewJournal();
        var erin = await _backstage.NewAccount("Erin Jones");
        await _backstage.Grant(journal, erin, JournalRole.EditorInChief);
        var author = Acting(await _backstage.NewAccount("Alice Smith"));
        var (eic, rita, sven) = (Acting(erin), Acting(await _backstage.NewAccount("Rita Reyes")), Acting(await _backstage.NewAccount("Sven Svensson")));
        var now = _clock.GetUtcNow();

        await Submitted(journal, author, "New");
        var withEditor = await Submitted(journal, author, "With editor");
        await _record.Execute(withEditor, new AssignHandlingEditor(eic.Account), eic);
        var reviewing = await Submitted(journal, author, "Reviewing");
        await _record.Execute(reviewing, new AssignHandlingEditor(eic.Account), eic);
        var invitation = Guid.NewGuid();
        await _record.Execute(reviewing, new InviteReviewer(invitation, rita.Account, now.AddDays(7), now.AddDays(28)), eic);
        await _record.Execute(reviewing, new AcceptInvitation(invitation), rita);
        var ready = await Submitted(journal, author, "Ready");
        await _record.Execute(ready, new AssignHandlingEditor(eic.Account), eic);
        foreach (var reviewer in new[] { rita, sven })
        {
            var id = Guid.NewGuid();
            await _record.Execute(ready, new InviteReviewer(id, reviewer.Account, now.AddDays(7), now.AddDays(28)), eic);
            await _record.Execute(ready, new AcceptInvitation(id), reviewer);
            await _record.Execute(ready, new SubmitReview(id, Recommendation.MajorRevision, "Revise.", ""), reviewer);
        }

        var counts = await _record.QueueCounts(journal.Id, eic);
        Assert.Equal(new Dictionary<EditorialQueue, long>
        {
            [EditorialQueue.NeedsHandlingEditor] = 1, [EditorialQueue.NeedsReviewers] = 2, [EditorialQueue.ReviewsOverdue] = 0,
            [EditorialQueue.ReadyForDecision] = 1, [EditorialQueue.AwaitingConfirmation] = 0, [EditorialQueue.RevisionsDue] = 0
        }, counts);

        await _record.Execute(ready, new RecordDecision(DecisionKind.MajorRevision, "Please revise."), eic);
        _clock.Advance(TimeSpan.FromDays(29));

        counts = await _record.QueueCounts(journal.Id, eic);
        Assert.Equal((1, 0, 1), (counts![EditorialQueue.ReviewsOverdue], counts[EditorialQueue.ReadyForDecision], counts[EditorialQueue.RevisionsDue]));
        var overdue = Assert.Single((await _record.Queue(journal.Id, EditorialQueue.ReviewsOverdue, eic, new QueueRequest(SortBy: QueueSort.Waiting)))!.Items);
        Assert.Equal(("Reviewing", SubmissionStatus.UnderReview), (overdue.Title, overdue.Status));
        Assert.True(_clock.GetUtcNow() - overdue.WaitingSince >= TimeSpan.FromDays(29));
        Assert.Null(await _record.QueueCounts(journal.Id, author));
    }
}
