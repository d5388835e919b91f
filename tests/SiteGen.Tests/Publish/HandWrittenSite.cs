using SiteGen.Tests.Support;

namespace SiteGen.Tests.Publish;

/// <summary>The hand-written fixture site: code in two languages, a static folder, links by file and an image.</summary>
internal static class HandWrittenSite
{
    /// <summary>Read from the source tree: the static folder holds dot-folders (<c>.well-known</c>) an output copy might drop.</summary>
    public static string Root => Path.Combine(RepoPaths.Root, "tests", "SiteGen.Tests", "TestFiles", "Sites", "handwritten");

    public static string Content => Path.Combine(Root, "content");

    public static string Static => Path.Combine(Root, "static");

    public static (string OutputDir, SiteGen.Build.BuildResult Result) Build(string baseUrl) =>
        TestSite.Build(Content, baseUrl, staticDir: Static);
}
