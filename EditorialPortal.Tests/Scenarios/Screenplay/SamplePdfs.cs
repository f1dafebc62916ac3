using EditorialPortal.Demo;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

public static class SamplePdfs
{
    public static byte[] Titled(string title) => SamplePdf.WithTitle(title);
}
