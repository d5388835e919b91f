using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;

namespace SiteGen.Tests.Markdown;

/// <summary>Markdig throws on some inputs; a page that makes it throw is a located warning and still shows all its text.</summary>
public sealed class RenderFailureTests
{
    internal static Page PageOf(string markdown) =>
        new("content/deep.md", "deep", "深", "deep", null, [], [], false, null, markdown, BodyLine: 4);

    [Theory]
    [InlineData(">", 5000)]
    [InlineData("- ", 5000)]
    [InlineData("[", 50000)]
    public void TooDeeplyNestedMarkdownIsAWarningAndThePageShowsItsText(string opener, int depth)
    {
        var markdown = "开头 <b>粗</b> & 结尾\n\n" + string.Concat(Enumerable.Repeat(opener, depth)) + " 最深处\n";
        var bag = new DiagnosticBag();
        var rendered = new RenderMarkdown(MarkdownPipelineFactory.Create()).RenderOne(PageOf(markdown), bag);

        var warning = Assert.Single(bag.Snapshot());
        Assert.Equal(("SG0210", "content/deep.md", 4, Severity.Warning), (warning.Code, warning.File, warning.Line, warning.Severity));
        Assert.Contains("too deeply nested", warning.Message, StringComparison.Ordinal);
        Assert.StartsWith("<pre class=\"unrendered\">", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("开头 &lt;b&gt;粗&lt;/b&gt; &amp; 结尾", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("最深处", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void APageMarkdigRejectsDoesNotStopTheOthersOrTheirLinksToIt()
    {
        // Pages are parsed together first (for links by file), so one that throws must not take the run with it.
        var deep = PageOf(string.Concat(Enumerable.Repeat(">", 5000)) + " 最深处\n");
        var linking = new Page("content/other.md", "other", "另", "other", null, [], [], false, null,
            "[深](deep.md) [节](deep.md#x)\n", BodyLine: 4);
        var bag = new DiagnosticBag();
        var rendered = new RenderMarkdown(MarkdownPipelineFactory.Create()).Run([deep, linking], bag);

        Assert.StartsWith("<pre class=\"unrendered\">", rendered[0].Html, StringComparison.Ordinal);
        Assert.Contains("href=\"../../articles/deep/\"", rendered[1].Html, StringComparison.Ordinal);
        // The page is there, but its headings are unknown: the anchor is reported, not silently kept.
        Assert.Equal(["SG0210", "SG0803"], bag.Snapshot().Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OrdinaryPageRendersWithoutWarnings()
    {
        var bag = new DiagnosticBag();
        var rendered = new RenderMarkdown(MarkdownPipelineFactory.Create()).RenderOne(PageOf("## 标题\n\n正文\n"), bag);
        Assert.Empty(bag.Snapshot());
        Assert.Contains("<h2", rendered.Html, StringComparison.Ordinal);
    }
}
