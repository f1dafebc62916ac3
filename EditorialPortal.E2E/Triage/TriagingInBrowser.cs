using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Triage;

namespace EditorialPortal.E2E.Triage;

public sealed class Triaging_InTheBrowser(BrowserFixture browser) : Triaging(new BrowsingProtocol(browser));
