using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Review;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Review;

public sealed class PeerReview_OnTheDirectActor() : PeerReview(new DirectProtocol());

public sealed class PeerReview_OverHttp(PortalFixture portal) : PeerReview(new HttpProtocol(portal));
