using SiteGen.Publish;

namespace SiteGen.Tests.Publish;

public sealed class ExcerptHtmlTests
{
    private const string Formula = "<span class=\"katex\"><span class=\"katex-html\">z</span></span>";

    [Fact]
    public void InlineFormulaStaysTypesetAndWhole()
    {
        var result = ExcerptHtml.Of($"<p>分布 <span class=\"math\">{Formula}</span> 的变换。</p>", 140);
        Assert.Equal($"分布 {Formula} 的变换。", result.Html);
        Assert.True(result.HasMath);
    }

    [Fact]
    public void TextIsEscapedAndEmojiSurvive()
    {
        var result = ExcerptHtml.Of("<p>🔖 a &lt;b&gt; &amp; c</p>", 140);
        Assert.Equal("🔖 a &lt;b&gt; &amp; c", result.Html);
        Assert.False(result.HasMath);
    }

    [Fact]
    public void DisplayMathAndHeadingsAreLeftOutAndMissingMarksKeepTheirStyle()
    {
        var result = ExcerptHtml.Of("<h2 id=\"x\">背景</h2><div class=\"math\">" + Formula + "</div><p>见 <span class=\"missing\" title=\"t\">[公式]</span>。</p>", 140);
        Assert.Equal("见 <span class=\"missing\" title=\"t\">[公式]</span>。", result.Html);
        Assert.False(result.HasMath);
    }

    [Fact]
    public void LongTextIsCutBetweenFormulasNeverInside()
    {
        var body = "<p>" + string.Concat(Enumerable.Repeat($"甲乙丙丁 {Formula} ", 60)) + "</p>";
        var result = ExcerptHtml.Of(body, 50);
        Assert.EndsWith("…", result.Html);
        Assert.Equal(0, (result.Html.Split("<span class=\"katex\">").Length - 1) - (result.Html.Split("</span></span>").Length - 1));
    }
}
