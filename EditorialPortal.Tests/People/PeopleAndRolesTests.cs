using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.People;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.People;

public sealed class PeopleAndRoles_OnTheDirectActor() : PeopleAndRoles(new DirectProtocol());

public sealed class PeopleAndRoles_OverHttp(PortalFixture portal) : PeopleAndRoles(new HttpProtocol(portal));
