using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Production;

namespace EditorialPortal.E2E.Production;

public sealed class ProducingArticles_InTheBrowser(BrowserFixture browser) : ProducingArticles(new BrowsingProtocol(browser));
