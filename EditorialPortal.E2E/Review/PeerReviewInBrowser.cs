using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Review;

namespace EditorialPortal.E2E.Review;

public sealed class PeerReview_InTheBrowser(BrowserFixture browser) : PeerReview(new BrowsingProtocol(browser));
