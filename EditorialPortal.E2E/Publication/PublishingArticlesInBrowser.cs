using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Publication;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.E2E.Publication;

[Collection(nameof(TimeTravel))]
public sealed class PublishingArticles_InTheBrowser(BrowserFixture browser) : PublishingArticles(new BrowsingProtocol(browser));
