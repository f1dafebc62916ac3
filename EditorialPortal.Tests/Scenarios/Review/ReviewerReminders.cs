using EditorialPortal.Domain.Review;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Review;

/// <summary>Scenarios that move the portal's clock: they run alone, and put the clock back when done.</summary>
public abstract class ReviewerReminders(IProtocol protocol) : ReviewScenario(protocol)
{
    [Fact]
    public async Task An_overdue_reviewer_is_reminded_and_nobody_is_reminded_after_submitting_the_review()
    {
        var (_, _, hugo, submission, _) = await WithHandlingEditor();
        var (rita, sven) = await TwoReviewersAccept(hugo, submission);

        // Past every due date the invitations gave, whichever screen set them.
        TimePasses(TimeSpan.FromDays(36));
        await Backstage.RemindersRun();
        Assert.Single(await Mailbox(rita), m => m.Subject.Contains("is overdue", StringComparison.Ordinal));

        // A month later, Rita signs in afresh to send her review.
        rita = await SignInAgain(rita);
        await rita.CanReview(submission, Recommendation.Accept, "Convincing.", "");
        TimePasses(TimeSpan.FromDays(8));
        await Backstage.RemindersRun();
        await Backstage.RemindersRun();

        Assert.Single(await Mailbox(rita), m => m.Subject.Contains("is overdue", StringComparison.Ordinal));
        Assert.Equal(2, (await Mailbox(sven)).Count(m => m.Subject.Contains("is overdue", StringComparison.Ordinal)));
    }

    private TimeSpan _travelled;

    private void TimePasses(TimeSpan time)
    {
        Backstage.TimePasses(time);
        _travelled += time;
    }

    public override async ValueTask DisposeAsync()
    {
        Backstage.TimePasses(-_travelled);
        await base.DisposeAsync();
    }
}
