using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class SearchTextExtractorTests
{
    private const string Katex =
        "<p>概率 <span class=\"katex\"><span class=\"katex-mathml\"><math><semantics><mrow><mi>θ</mi></mrow>" +
        "<annotation encoding=\"application/x-tex\">\\mathrm{softmax}(\\theta)</annotation></semantics></math></span>" +
        "<span class=\"katex-html\" aria-hidden=\"true\"><span class=\"mord\">softmaxglyph</span><span>θ</span></span></span> 分布</p>";

    private static string AllText(string html) => string.Join("\n", SearchTextExtractor.Extract(html).Select(b => b.Text));

    [Fact]
    public void KatexAnnotationIsIndexedAndGlyphsAreNot()
    {
        var text = AllText(Katex);
        Assert.Contains("\\mathrm{softmax}(\\theta)", text);
        Assert.DoesNotContain("softmaxglyph", text);
        Assert.DoesNotContain("θ", text);
        Assert.Contains("\\theta", SearchTokenizer.Tokenize(text).Select(t => t.Term));
    }

    [Fact]
    public void MarkdigMathSpanGivesItsTexWithoutDelimiters()
    {
        Assert.Equal("分布 z_0 转换", AllText("<p>分布 <span class=\"math\">\\(z_0\\)</span> 转换</p>"));
    }

    [Fact]
    public void PlaceholdersAreNotIndexed()
    {
        var text = AllText("<p>其中 <span class=\"missing\" title=\"原文此处缺失公式\">[公式]</span> 是感受野</p>");
        Assert.Equal("其中 是感受野", text);
    }

    [Fact]
    public void HeadingsKeepTheirIdsAndStartBlocks()
    {
        var blocks = SearchTextExtractor.Extract("<h2 id=\"背景\">背景</h2><p>正文 <em>一</em></p><ul><li>甲</li><li>乙</li></ul>");
        Assert.Equal(
            [new ExtractedBlock(BlockKind.Heading, "背景", "背景"), new ExtractedBlock(BlockKind.Body, "正文 一", null),
             new ExtractedBlock(BlockKind.Body, "甲", null), new ExtractedBlock(BlockKind.Body, "乙", null)],
            blocks);
    }

    [Fact]
    public void ScriptsAndStylesAreSkipped()
    {
        Assert.Equal("可见", AllText("<p>可见<script>var hidden = 1;</script><style>.x{}</style></p>"));
    }
}
