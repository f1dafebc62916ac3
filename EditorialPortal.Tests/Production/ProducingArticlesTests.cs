using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Production;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Production;

public sealed class ProducingArticles_OnTheDirectActor() : ProducingArticles(new DirectProtocol());

public sealed class ProducingArticles_OverHttp(PortalFixture portal) : ProducingArticles(new HttpProtocol(portal));
