using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

public sealed class SiteLinksTests
{
    private static Page Page(TempDir dir, string relative, string slug, string markdown) =>
        MarkdownTestKit.Page(markdown, Path.GetRelativePath(Directory.GetCurrentDirectory(), dir.Combine("content", relative)), slug);

    private static (IReadOnlyList<RenderedPage> Pages, IReadOnlyList<Diagnostic> Diagnostics) Render(TempDir dir, params Page[] pages)
    {
        var bag = new DiagnosticBag();
        var rendered = new RenderMarkdown(MarkdownTestKit.Pipeline(null), staticDir: dir.Combine("static")).Run(pages, bag);
        return (rendered, bag.Snapshot());
    }

    [Fact]
    public void RootRelativeUrlsBecomeRelativeToThePage()
    {
        using var dir = new TempDir();
        var (pages, diagnostics) = Render(dir, Page(dir, "a.md", "a",
            "[tags](/tags/) [home](/) [file](/files/report.pdf?download=1#page=2) ![logo](/images/logo.svg \"Logo\")\n"));
        Assert.Empty(diagnostics);
        Assert.Equal(
            "<p><a href=\"../../tags/\">tags</a> <a href=\"../../\">home</a> <a href=\"../../files/report.pdf?download=1#page=2\">file</a> "
            + "<img src=\"../../images/logo.svg\" loading=\"lazy\" alt=\"logo\" title=\"Logo\" /></p>\n",
            pages[0].Html);
    }

    [Fact]
    public void OtherUrlsAreLeftAsWritten()
    {
        using var dir = new TempDir();
        const string markdown = "[x](https://example.org/a.md) [m](mailto:a@b.c) [p](//cdn.example.org/x.js) [s](#背景) [r](../x/) [q](notes.txt) [e]()\n";
        var (pages, diagnostics) = Render(dir, Page(dir, "a.md", "a", markdown));
        Assert.Empty(diagnostics);
        Assert.Equal(MarkdownTestKit.RenderPlain(markdown), pages[0].Html);
    }

    [Fact]
    public void LinksToMarkdownFilesBecomeTheirPagesUrlWithTheAnchor()
    {
        using var dir = new TempDir();
        var a = Page(dir, "a.md", "a",
            "[b](b.md) [b sec](./b.md#二-方法) [encoded](b.md#%E4%BA%8C-%E6%96%B9%E6%B3%95) [deep](guide/c.md) [ref][r] [self](a.md#intro)\n\n## Intro\n\n[r]: b.md#结论\n");
        var b = Page(dir, "b.md", "renamed-b", "## 二 方法\n\n## 结论\n");
        var c = Page(dir, "guide/c.md", "c", "[up](../b.md#结论) [sibling](./d%20e.md)\n");
        var d = Page(dir, "guide/d e.md", "d-e", "text\n");
        var (pages, diagnostics) = Render(dir, a, b, c, d);
        Assert.Empty(diagnostics);
        Assert.Equal(
            "<p><a href=\"../../articles/renamed-b/\">b</a> <a href=\"../../articles/renamed-b/#%E4%BA%8C-%E6%96%B9%E6%B3%95\">b sec</a> "
            + "<a href=\"../../articles/renamed-b/#%E4%BA%8C-%E6%96%B9%E6%B3%95\">encoded</a> <a href=\"../../articles/c/\">deep</a> "
            + "<a href=\"../../articles/renamed-b/#%E7%BB%93%E8%AE%BA\">ref</a> <a href=\"../../articles/a/#intro\">self</a></p>\n<h2 id=\"intro\">Intro</h2>\n",
            pages[0].Html);
        Assert.Equal("<p><a href=\"../../articles/renamed-b/#%E7%BB%93%E8%AE%BA\">up</a> <a href=\"../../articles/d-e/\">sibling</a></p>\n", pages[2].Html);
        Assert.Equal(["二-方法", "结论"], pages[1].Anchors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMissingFileOrAnchorIsAWarningAtTheLink()
    {
        using var dir = new TempDir();
        var a = Page(dir, "a.md", "a", "Intro\n\n- see [gone](gone.md) and\n  [b](b.md#nope)\n");
        var b = Page(dir, "b.md", "b", "## Real\n");
        var (pages, diagnostics) = Render(dir, a, b);
        Assert.Equal(2, diagnostics.Count);
        var missingFile = diagnostics[0];
        Assert.Equal(("SG0802", Severity.Warning, 7, 7), (missingFile.Code, missingFile.Severity, missingFile.Line, missingFile.Column));
        Assert.EndsWith("a.md", missingFile.File, StringComparison.Ordinal);
        Assert.Contains("'gone.md'", missingFile.Message, StringComparison.Ordinal);
        var missingAnchor = diagnostics[1];
        Assert.Equal(("SG0803", 8, 3), (missingAnchor.Code, missingAnchor.Line, missingAnchor.Column));
        Assert.Contains("'#nope'", missingAnchor.Message, StringComparison.Ordinal);
        Assert.Contains("real", missingAnchor.Message, StringComparison.Ordinal);
        // The missing file stays as written; the page link still works without its anchor.
        Assert.Contains("<a href=\"gone.md\">gone</a>", pages[0].Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../../articles/b/#nope\">b</a>", pages[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ImagesAreLazyAndStaticOnesGetTheirSize()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("static", "images"));
        File.WriteAllBytes(dir.Combine("static", "images", "chart 1.png"), ImageSizeTests.Png(30, 20));
        File.WriteAllBytes(dir.Combine("static", "photo.jpg"), ImageSizeTests.Jpeg(640, 480, orientation: 6));
        File.WriteAllText(dir.Combine("outside.png"), "");
        var (pages, diagnostics) = Render(dir, Page(dir, "a.md", "a",
            "![c](</images/chart 1.png>) ![p](/photo.jpg) ![m](/missing.png) ![e](https://example.org/x.png) ![o](/../outside.png)\n"));
        Assert.Empty(diagnostics);
        Assert.Equal(
            "<p><img src=\"../../images/chart%201.png\" loading=\"lazy\" width=\"30\" height=\"20\" alt=\"c\" /> "
            + "<img src=\"../../photo.jpg\" loading=\"lazy\" width=\"480\" height=\"640\" alt=\"p\" /> "
            + "<img src=\"../../missing.png\" loading=\"lazy\" alt=\"m\" /> "
            + "<img src=\"https://example.org/x.png\" loading=\"lazy\" alt=\"e\" /> "
            + "<img src=\"../../../outside.png\" loading=\"lazy\" alt=\"o\" /></p>\n",
            pages[0].Html);
    }

    [Fact]
    public void WithoutAPageContextLinksAreMarkdigsOwn()
    {
        const string markdown = "[a](/tags/) [b](b.md) ![i](/x.png)\n";
        var html = Markdig.Markdown.ToHtml(markdown, MarkdownPipelineFactory.Create());
        Assert.Equal("<p><a href=\"/tags/\">a</a> <a href=\"b.md\">b</a> <img src=\"/x.png\" alt=\"i\" /></p>\n", html);
    }

    [Fact]
    public void AStoredRenderingIsReusedOnlyWhileWhatItLinksToHolds()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("static"));
        File.WriteAllBytes(dir.Combine("static", "x.png"), ImageSizeTests.Png(10, 10));
        var a = Page(dir, "a.md", "a", "[b](b.md#sec) ![x](/x.png)\n");
        var b = Page(dir, "b.md", "b", "## Sec\n");
        var store = new MemoryStore();
        var first = Render(dir, store, a, b);
        Assert.Contains("../../articles/b/#sec", first[0].Html, StringComparison.Ordinal);

        // Nothing changed: both bodies are reused, the very same HTML instances.
        var again = Render(dir, store, a, b);
        Assert.Same(first[0].Html, again[0].Html);

        // b's slug changed: a links to b's new URL although a's Markdown did not change.
        var renamed = b with { Slug = "b-2" };
        var afterRename = Render(dir, store, a, renamed);
        Assert.Contains("../../articles/b-2/#sec", afterRename[0].Html, StringComparison.Ordinal);

        // b lost the heading: a's reused rendering would hide the broken anchor, so it is rendered again and warns.
        var bag = new DiagnosticBag();
        new RenderMarkdown(MarkdownTestKit.Pipeline(null), staticDir: dir.Combine("static"))
            .Run([a, renamed with { Markdown = "## Other\n" }], bag, store);
        Assert.Equal("SG0803", Assert.Single(bag.Snapshot()).Code);

        // The image grew: a is rendered with its new size.
        File.WriteAllBytes(dir.Combine("static", "x.png"), ImageSizeTests.Png(20, 10));
        var afterImage = Render(dir, store, a, renamed);
        Assert.Contains("width=\"20\" height=\"10\"", afterImage[0].Html, StringComparison.Ordinal);
    }

    private static IReadOnlyList<RenderedPage> Render(TempDir dir, MemoryStore store, params Page[] pages) =>
        new RenderMarkdown(MarkdownTestKit.Pipeline(null), staticDir: dir.Combine("static")).Run(pages, new DiagnosticBag(), store);

    private sealed class MemoryStore : IRenderedPageStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Markdown, StoredRendering Rendering)> _pages = new();

        public StoredRendering? TryGet(Page page) =>
            _pages.TryGetValue(page.SourcePath, out var hit) && hit.Markdown == page.Markdown ? hit.Rendering : null;

        public void Set(Page page, StoredRendering rendering) => _pages[page.SourcePath] = (page.Markdown, rendering);
    }
}
