using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.History;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.History;

public sealed class TheHistoricalRecord_OnTheDirectActor() : TheHistoricalRecord(new DirectProtocol());

public sealed class TheHistoricalRecord_OverHttp(PortalFixture portal) : TheHistoricalRecord(new HttpProtocol(portal));
