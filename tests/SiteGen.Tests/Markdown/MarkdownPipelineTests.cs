using SiteGen.Markdown;

namespace SiteGen.Tests.Markdown;

public sealed class MarkdownPipelineTests
{
    private static string Render(string markdown) => Markdig.Markdown.ToHtml(markdown, MarkdownPipelineFactory.Create());

    [Fact]
    public void ChineseHeadingKeepsItsUnicodeId()
    {
        Assert.Contains("id=\"测试\"", Render("## 测试\n"));
    }

    [Theory]
    [InlineData("[公式]", "公式")]
    [InlineData("[Math]", "公式")]
    [InlineData("[代码]", "代码")]
    public void PlaceholderBecomesMissingMark(string mark, string what)
    {
        var html = Render($"前文 {mark} 后文\n");
        Assert.Contains($"<span class=\"missing\" title=\"原文此处缺失{what}\">{mark}</span>", html);
    }

    [Fact]
    public void OtherBracketsStayOrdinaryText()
    {
        Assert.Contains("[其他]", Render("[其他] 文字\n"));
    }

    [Fact]
    public void RawHtmlIsStillHtmlInMarkdownSoImporterMustEscapeIt()
    {
        // Guards the importer's contract: unescaped '<' would reach the page as markup.
        Assert.Contains("&lt;script&gt;", Render("\\<script>alert(1)\\</script>\n"));
    }
}
