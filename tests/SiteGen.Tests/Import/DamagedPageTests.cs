using System.Text.RegularExpressions;
using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import;

/// <summary>
/// A page whose front matter cannot be read is kept byte for byte, reported, and still claims its article:
/// the importer never writes <c>&lt;slug&gt;-2.md</c> for it, before or after the user fixes it.
/// </summary>
public sealed partial class DamagedPageTests : IDisposable
{
    private const string Flow = "Normalizing flow(标准化流)是一类对概率分布进行建模的工具,它能完成简单的概率分布和任意复杂分布之间的相互转换,经常被用于生成任务,这是一段足够长的文字。";
    private const string Rl = "引言与背景 蒙特卡洛方法是强化学习中的重要算法类别,它标志着从基于模型到无模型算法的转变。这类算法不依赖环境模型...";

    private readonly TempDir _dir = new();

    private SiteConfig Config => new()
    {
        SeedsDir = _dir.Combine("seeds"),
        ContentDir = _dir.Combine("content"),
        TemplatesDir = RepoPaths.Templates,
        OutputDir = _dir.Combine("site"),
        CacheDir = _dir.Combine("cache"),
    };

    private string PagePath => _dir.Combine("content", "normalizing-flow.md");

    public DamagedPageTests()
    {
        _dir.Write("seeds/000.txt", $"INCOMING TRANSMISSION\n{Flow}\n{Rl}\n");
        Import(out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.True(File.Exists(PagePath));
    }

    public void Dispose() => _dir.Dispose();

    private ImportResult Import(out IReadOnlyList<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var result = ImportFeeds.Run(Config, bag, new FixedClock(ImportTestKit.Today));
        diagnostics = bag.Snapshot();
        return result;
    }

    private string[] ContentFiles() => Directory.GetFiles(_dir.Combine("content")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    /// <summary>Breaks the page, imports (twice) and checks: kept byte for byte, no second page, one SG0150 saying how.</summary>
    private void AssertClaimed(Func<string, string> damage, string recognisedBy)
    {
        var before = ContentFiles();
        var broken = damage(File.ReadAllText(PagePath));
        File.WriteAllText(PagePath, broken);
        for (var run = 0; run < 2; run++)
        {
            var result = Import(out var diagnostics);
            Assert.Equal(0, result.PagesCreated);
            Assert.Equal(before, ContentFiles());
            Assert.Equal(broken, File.ReadAllText(PagePath));
            var warning = Assert.Single(diagnostics, d => d.Code == "SG0150");
            Assert.EndsWith("normalizing-flow.md", warning.File, StringComparison.Ordinal);
            Assert.Contains($"recognised by {recognisedBy}", warning.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(diagnostics, d => d.Code == "SG0121");
        }
    }

    [Fact]
    public void YamlSlipKeepsThePageAndClaimsByItsIdLine() =>
        AssertClaimed(text => TitleLine().Replace(text, "title: [unclosed", 1), "its id line");

    [Fact]
    public void BrokenIdLineIsRecognisedBySourceHash() =>
        AssertClaimed(text => TitleLine().Replace(IdLine().Replace(text, "id 0000 [", 1), "title: [unclosed", 1), "its source_hash line");

    [Fact]
    public void LostIdAndHashLinesAreRecognisedByTheBody() =>
        AssertClaimed(text => HashLine().Replace(IdLine().Replace(text, "", 1), "", 1).Replace("title: ", "title: [", StringComparison.Ordinal), "its text");

    [Fact]
    public void EditedBodyAndBrokenFrontMatterAreRecognisedByFileName() =>
        AssertClaimed(text => "---\ntitle: [我的笔记\n---\n我重写了这一页。\n", "its file name");

    [Fact]
    public void MissingClosingFenceStillClaims() =>
        AssertClaimed(text => text.Replace("\n---\n\n", "\n\n", StringComparison.Ordinal), "its id line");

    [Fact]
    public void MissingOpeningFenceStillClaims() =>
        AssertClaimed(text => text[4..], "its id line");

    [Fact]
    public void AFeedItemsDamagedPageIsRecognisedByTheSlugOfTheItemsTitle()
    {
        // The item's own title ("AB": too few letters, so the page is named by its id) names the page, not the title
        // its text would give ("AB testing of normalizing flows"): the claim must use the same one.
        var before = ContentFiles();
        _dir.Write("seeds/010.xml", "<rss version=\"2.0\"><channel><item><title>AB</title><link>https://ex.org/p</link>" +
            "<description>AB testing of normalizing flows, 先从简单分布抽样,再经过一串可逆变换,这是一段足够长的文字。</description></item></channel></rss>");
        Import(out _);
        var name = Assert.Single(ContentFiles().Except(before));
        Assert.Matches("^[0-9a-f]{12}\\.md$", name);
        var withItem = ContentFiles();
        File.WriteAllText(_dir.Combine("content", name), "---\ntitle: [我的笔记\n---\n我重写了这一页。\n");

        var result = Import(out var diagnostics);
        Assert.Equal(0, result.PagesCreated);
        Assert.Equal(withItem, ContentFiles());
        var warning = Assert.Single(diagnostics, d => d.Code == "SG0150");
        Assert.EndsWith(name, warning.File, StringComparison.Ordinal);
        Assert.Contains("recognised by its file name", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyPageIsRegenerated()
    {
        // A write cut short by power loss leaves an empty file: nothing of the user's, so the importer refills it.
        var before = File.ReadAllText(PagePath);
        File.WriteAllText(PagePath, "");
        var result = Import(out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal((0, 1), (result.PagesCreated, result.PagesUpdated));
        Assert.Equal(before, File.ReadAllText(PagePath));
    }

    [Fact]
    public void UnclaimedDamagedPageIsReportedAndKeepsItsName()
    {
        var other = _dir.Write("content/notes.md", "---\ntitle: [我的笔记\n---\n与订阅无关。\n");
        var result = Import(out var diagnostics);
        Assert.Equal(0, result.PagesCreated);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("SG0121", 2, 8), (warning.Code, warning.Line, warning.Column));
        Assert.Equal("---\ntitle: [我的笔记\n---\n与订阅无关。\n", File.ReadAllText(other));
    }

    [Fact]
    public void AfterTheUserFixesTheTypoTheSiteHasTheArticleOnce()
    {
        var original = File.ReadAllText(PagePath);
        File.WriteAllText(PagePath, TitleLine().Replace(original, "title: [Normalizing flow 笔记", 1));
        var broken = new SiteBuilder(new FixedClock(ImportTestKit.Today)) { LockNotices = TextWriter.Null }.Build(Config);
        Assert.True(broken.Succeeded, string.Join("\n", broken.Diagnostics));
        Assert.Contains(broken.Diagnostics, d => d.Code == "SG0207");
        Assert.Contains(broken.Diagnostics, d => d.Code == "SG0150");
        Assert.False(Directory.Exists(_dir.Combine("site", "articles", "normalizing-flow")));

        File.WriteAllText(PagePath, TitleLine().Replace(original, "title: \"Normalizing flow 笔记\"", 1));
        var fixedBuild = new SiteBuilder(new FixedClock(ImportTestKit.Today)) { LockNotices = TextWriter.Null }.Build(Config);
        Assert.True(fixedBuild.Succeeded);
        Assert.Empty(fixedBuild.Diagnostics);
        Assert.Equal(2, ContentFiles().Length);
        Assert.Contains("normalizing-flow.md", ContentFiles());
        Assert.DoesNotContain(ContentFiles(), f => f.EndsWith("-2.md", StringComparison.Ordinal));
        var articles = Directory.GetDirectories(_dir.Combine("site", "articles")).Select(Path.GetFileName).ToList();
        Assert.Equal(2, articles.Count);
        var holders = articles.Where(a => File.ReadAllText(_dir.Combine("site", "articles", a!, "index.html")).Contains("标准化流", StringComparison.Ordinal)).ToList();
        Assert.Equal(["normalizing-flow"], holders);
        Assert.Contains("Normalizing flow 笔记", File.ReadAllText(_dir.Combine("site", "articles", "normalizing-flow", "index.html")), StringComparison.Ordinal);
    }

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex("^id: .*$", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex("^source_hash: .*\n", RegexOptions.Multiline)]
    private static partial Regex HashLine();
}
