using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Publication;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Publication;

public sealed class PublishingArticles_OnTheDirectActor() : PublishingArticles(new DirectProtocol());

[Collection(nameof(TimeTravel))]
public sealed class PublishingArticles_OverHttp(PortalFixture portal) : PublishingArticles(new HttpProtocol(portal));
