using EditorialPortal.E2E.Support;
using Xunit;

[assembly: AssemblyFixture(typeof(BrowserFixture))]
