using Xunit;

namespace EditorialPortal.Tests.Support;

/// <summary>Tests that move the shared portal's clock run alone, after the others, so that nobody else's deadlines shift under them.</summary>
[CollectionDefinition(nameof(TimeTravel), DisableParallelization = true)]
public sealed class TimeTravel;
