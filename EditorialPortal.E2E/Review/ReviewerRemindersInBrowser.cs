using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Review;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.E2E.Review;

[Collection(nameof(TimeTravel))]
public sealed class ReviewerReminders_InTheBrowser(BrowserFixture browser) : ReviewerReminders(new BrowsingProtocol(browser));
