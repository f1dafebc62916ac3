using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Submissions;

namespace EditorialPortal.E2E.Submissions;

public sealed class HostileText_InTheBrowser(BrowserFixture browser) : HostileText(new BrowsingProtocol(browser));
