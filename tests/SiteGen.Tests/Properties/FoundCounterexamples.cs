using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Properties;

/// <summary>Shrunk counterexamples the property tests found, kept as ordinary tests (each names the bug it found).</summary>
public sealed class FoundCounterexamples
{
    private static (ImportResult Result, IReadOnlyList<Diagnostic> Diagnostics, string Content) Import(byte[] feed)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        File.WriteAllBytes(dir.Combine("seeds", "000.txt"), feed);
        var bag = new DiagnosticBag();
        var result = ImportFeeds.Run(ImportTestKit.Config(dir.Combine("seeds"), dir.Combine("content")), bag, new FixedClock(ImportTestKit.Today));
        var content = string.Concat(Directory.GetFiles(dir.Combine("content")).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        return (result, bag.Snapshot(), content);
    }

    [Fact]
    public void NoncharacterInAFeedLineIsReplacedNotACrash()
    {
        // Found by FeedImportProperties: U+FFFE (bytes EF BF BE, valid UTF-8) made string.Normalize throw
        // ArgumentException inside DeduplicateArticles, an AggregateException out of the whole build.
        var (result, diagnostics, content) = Import([.. "INCOMING TRANSMISSION\n标准化流是可逆变换"u8, 0xEF, 0xBF, 0xBE, .. " 〔条目000〕\n"u8]);
        Assert.Equal(1, result.Articles);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("SG0102", 2, 10), (warning.Code, warning.Line, warning.Column));
        Assert.Contains("noncharacter U+FFFE", warning.Message, StringComparison.Ordinal);
        Assert.Contains("可逆变换\uFFFD", content, StringComparison.Ordinal);
    }

    [Fact]
    public void NoncharacterOutsideTheBasicPlaneIsOneReplacementCharacter()
    {
        var (_, diagnostics, content) = Import(Encoding.UTF8.GetBytes("文字\U0010FFFF尾巴，再来一些文字\n"));
        Assert.Contains("noncharacter U+10FFFF", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
        Assert.Contains("文字\uFFFD尾巴", content, StringComparison.Ordinal);
    }

    [Fact]
    public void NoncharacterInAPageIsReplacedWithAWarning()
    {
        using var dir = new TempDir();
        dir.Write("p.md", "---\ntitle: 标题\n---\n正文\uFFFE结束\n");
        var bag = new DiagnosticBag();
        var page = Assert.Single(new SiteGen.Content.LoadPages().Run(dir.Path, bag));
        Assert.Equal(("SG0211", 4, 3), (Assert.Single(bag.Snapshot()).Code, bag.Snapshot()[0].Line, bag.Snapshot()[0].Column));
        Assert.Equal("正文\uFFFD结束\n", page.Markdown);
    }

    [Fact]
    public void EscapedBackslashBeforeAFormulaBuildsIntoExactlyOnePage()
    {
        // Found by FeedImportProperties (seed 50PU9VWO2pY1): an escaped backslash before "\(" opens a formula that
        // runs to the next "\)" and fails in KaTeX. The page was right (the formula is shown as source); the
        // property's own text comparison was not, and now puts every formula back as \( \) or \[ \], errors included.
        BuildsIntoExactlyOnePage(@"\\(]zf+nE，<svg onload=sginj()>\(\sqrt{\beta}\)~~ 背景 mllm标准化流是可逆变换/.`Mjydo（括号）-  ");
    }

    [Theory]
    // Found by FeedImportProperties (seed 6GVYbKXqXyd1): after U+2028 (LINE SEPARATOR, which char.IsWhiteSpace
    // accepts and Markdig does not) the importer added no space before '$', so the formula stayed "$…$" text.
    [InlineData("再学习逐步去噪。\u2028\\(\\mathbb{R}^n\\)尾巴")]
    [InlineData("公式\\(x^2\\)\u2029之后")]
    public void FormulaNextToALineSeparatorIsTypeset(string line) => BuildsIntoExactlyOnePage(line);

    [Fact]
    public void YamlErrorAfterALineSeparatorIsReportedOnTheFilesLine()
    {
        // Found by YamlProperties (seed 9up5eudVMT71): YamlDotNet counts U+2028 as a line break, so an error after
        // one was reported on a line past the end of the file. Positions are now stated in LF lines.
        using var dir = new TempDir();
        // YamlDotNet sees "b" start a new line (2,1) and fails there; in the file, "b" is line 1, column 10.
        var path = dir.Write("sitegen.yml", "title: a\u2028b\u2028c\nlanguage: [zh\n");
        var bag = new DiagnosticBag();
        new SiteGen.Config.LoadConfig().Run(path, new SiteGen.Config.SiteConfig(), bag);
        var error = Assert.Single(bag.Snapshot());
        Assert.Equal(("SG0502", 1, 10), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void NoncharacterBuildsIntoExactlyOnePage() => BuildsIntoExactlyOnePage("标准化流是可逆变换\uFFFE尾巴");

    private static void BuildsIntoExactlyOnePage(string line)
    {
        using var cache = new TempDir();
        FeedImportProperties.Check([[Encoding.UTF8.GetBytes(line)]], cache.Path);
    }
}
