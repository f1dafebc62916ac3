using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>The portal's own view of the reviews under way, for its schedules; never shown to a person as it is.</summary>
public interface IReviewRounds
{
    /// <summary>Manuscripts under review with their journals, in id order after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<(Submission Submission, Journal Journal)>> UnderReview(Guid? after, int take);

    /// <summary>The person an invitation was sent to, for answering it from an emailed link; null if there is no such invitation.</summary>
    Task<Guid?> ReviewerInvitedBy(Guid submission, Guid invitation);
}
