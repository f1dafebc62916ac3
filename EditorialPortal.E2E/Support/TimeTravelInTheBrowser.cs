using Xunit;

namespace EditorialPortal.E2E.Support;

/// <summary>
/// A collection definition counts only in its own test assembly: without this one, the browser tests that move the shared
/// portal's clock would run beside the others, and invitations would expire under them.
/// </summary>
[CollectionDefinition(nameof(Tests.Support.TimeTravel), DisableParallelization = true)]
public sealed class TimeTravelInTheBrowser;
