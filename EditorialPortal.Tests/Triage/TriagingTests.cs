using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Triage;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Triage;

public sealed class Triaging_OnTheDirectActor() : Triaging(new DirectProtocol());

public sealed class Triaging_OverHttp(PortalFixture portal) : Triaging(new HttpProtocol(portal));
