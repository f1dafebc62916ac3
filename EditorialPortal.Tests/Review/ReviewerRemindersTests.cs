using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Review;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Review;

public sealed class ReviewerReminders_OnTheDirectActor() : ReviewerReminders(new DirectProtocol());

[Collection(nameof(TimeTravel))]
public sealed class ReviewerReminders_OverHttp(PortalFixture portal) : ReviewerReminders(new HttpProtocol(portal));
