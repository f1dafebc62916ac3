using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.People;

namespace EditorialPortal.E2E.People;

public sealed class PeopleAndRoles_InTheBrowser(BrowserFixture browser) : PeopleAndRoles(new BrowsingProtocol(browser));
