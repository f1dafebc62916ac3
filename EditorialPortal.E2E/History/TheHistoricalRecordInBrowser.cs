using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.History;

namespace EditorialPortal.E2E.History;

public sealed class TheHistoricalRecord_InTheBrowser(BrowserFixture browser) : TheHistoricalRecord(new BrowsingProtocol(browser));
