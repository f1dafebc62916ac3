using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Submissions;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Submissions;

public sealed class SubmittingManuscripts_OnTheDirectActor() : SubmittingManuscripts(new DirectProtocol());

public sealed class SubmittingManuscripts_OverHttp(PortalFixture portal) : SubmittingManuscripts(new HttpProtocol(portal));
