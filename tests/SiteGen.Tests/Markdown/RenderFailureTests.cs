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
    public void OrdinaryPageRendersWithoutWarnings()
    {
        var bag = new DiagnosticBag();
        var rendered = new RenderMarkdown(MarkdownPipelineFactory.Create()).RenderOne(PageOf("## 标题\n\n正文\n"), bag);
        Assert.Empty(bag.Snapshot());
        Assert.Contains("<h2", rendered.Html, StringComparison.Ordinal);
    }
}
