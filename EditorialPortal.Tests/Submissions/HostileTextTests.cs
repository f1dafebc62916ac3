using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Submissions;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Submissions;

public sealed class HostileText_OnTheDirectActor() : HostileText(new DirectProtocol());

public sealed class HostileText_OverHttp(PortalFixture portal) : HostileText(new HttpProtocol(portal));
