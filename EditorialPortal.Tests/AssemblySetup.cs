using Xunit;
using EditorialPortal.Tests.Support;

[assembly: AssemblyFixture(typeof(PortalFixture))]
