using SiteGen.Build;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>Reading the inputs tells whether any feed or page can hold a formula, so a site without one never prepares KaTeX.</summary>
public sealed class SiteInputsTests
{
    [Theory]
    [InlineData("seeds/a.txt", "标题\n---\n正文，价格 10 元。\n", false)]
    [InlineData("seeds/a.txt", "标题\n---\n损失 \\( x^2 \\) 最小。\n", true)]
    [InlineData("seeds/a.txt", "标题\n---\n\\[ E = mc^2 \\]\n", true)]
    [InlineData("content/p.md", "---\ntitle: 甲\n---\n公式 $x$。\n", true)]
    [InlineData("content/p.md", "---\ntitle: 甲\n---\n没有公式。\n", false)]
    public void AMathDelimiterAnywhereMeansTheSiteMayHaveMath(string file, string text, bool expected)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        Directory.CreateDirectory(dir.Combine("content"));
        dir.Write("seeds/other.txt", "标题\n---\n另一篇。\n");
        dir.Write(file, text);

        Assert.Equal(expected, SiteInputs.Read(TempSite.Config(dir)).MayHaveMath);
    }
}
