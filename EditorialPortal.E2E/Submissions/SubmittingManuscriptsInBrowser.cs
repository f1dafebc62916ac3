using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Submissions;

namespace EditorialPortal.E2E.Submissions;

public sealed class SubmittingManuscripts_InTheBrowser(BrowserFixture browser) : SubmittingManuscripts(new BrowsingProtocol(browser));
