using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

public sealed class WritePagesTests
{
    private sealed class Site
    {
        public string Seeds { get; } = ImportTestKit.NewTempDir();
        public string Content { get; } = Path.Combine(ImportTestKit.NewTempDir(), "content");
        public DiagnosticBag Diagnostics { get; private set; } = new();

        public void Feed(string name, params string[] lines) =>
            File.WriteAllText(Path.Combine(Seeds, name), "INCOMING TRANSMISSION\n\nLATEST UPDATES\n" + string.Join("\n", lines) + "\n");

        public ImportResult Import(DateTimeOffset? when = null)
        {
            Diagnostics = new DiagnosticBag();
            return ImportFeeds.Run(ImportTestKit.Config(Seeds, Content), Diagnostics, new FixedClock(when ?? ImportTestKit.Today));
        }

        public Dictionary<string, byte[]> Snapshot() =>
            Directory.GetFiles(Content).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        public string Page(string slug) => File.ReadAllText(Path.Combine(Content, slug + ".md"));
    }

    private const string Flow = "Normalizing flow(标准化流)是一类对概率分布进行建模的工具,它能完成简单的概率分布和任意复杂分布之间的相互转换,经常被用于生成任务,这是一段足够长的文字。";
    private const string Rl = "引言与背景 蒙特卡洛方法是强化学习中的重要算法类别,它标志着从基于模型到无模型算法的转变。这类算法不依赖环境模型...";

    [Fact]
    public void ImportingTwiceChangesNoByte()
    {
        var site = new Site();
        site.Feed("000.txt", Flow, Rl, Flow);
        var first = site.Import();
        var before = site.Snapshot();
        var second = site.Import(ImportTestKit.Today.AddDays(3));

        Assert.Equal((2, 0, 0), (first.PagesCreated, first.PagesUpdated, first.PagesUnchanged));
        Assert.Equal((0, 0, 2), (second.PagesCreated, second.PagesUpdated, second.PagesUnchanged));
        var after = site.Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void FrontMatterHasTheContractFields()
    {
        var site = new Site();
        site.Feed("000.txt", Flow, Flow);
        site.Import();
        var page = site.Page("normalizing-flow");
        Assert.StartsWith("---\nid: ", page);
        Assert.Contains("\ntitle: \"Normalizing flow(标准化流)是一类对概率分布进行建模的工具\"\n", page);
        Assert.Contains("\nslug: normalizing-flow\n", page);
        Assert.Contains("\ndate: 2026-11-22\n", page);
        Assert.Contains("\ntags: [生成模型]\n", page);
        Assert.Contains("\nsources:\n  - feed: 000.txt\n    line: 4\n  - feed: 000.txt\n    line: 5\n", page);
        Assert.Contains("\ntruncated: false\n", page);
        Assert.Matches("\ngenerated: sha256:[0-9a-f]{64}\n---\n", page);
        Assert.True(PageSeal.IsIntact(page));
    }

    [Fact]
    public void EditedPageIsKeptAndWarnedAboutOnlyWhenTheFeedHasANewerVersion()
    {
        var site = new Site();
        site.Feed("000.txt", Rl);
        site.Import();
        var slug = Path.GetFileNameWithoutExtension(Directory.GetFiles(site.Content).Single());
        var edited = site.Page(slug).Replace("蒙特卡洛方法", "蒙特卡洛(MC)方法");
        File.WriteAllText(Path.Combine(site.Content, slug + ".md"), edited);

        var same = site.Import();
        Assert.Equal(1, same.PagesKeptEdited);
        Assert.Empty(site.Diagnostics.Snapshot());
        Assert.Equal(edited, site.Page(slug));

        site.Feed("001.txt", Rl.Replace("...", "。蒙特卡洛方法在强化学习算法谱系中处于无模型方法的起始位置。"));
        var newer = site.Import();
        Assert.Equal(1, newer.PagesKeptEdited);
        Assert.Equal(0, newer.PagesCreated);
        Assert.Equal(edited, site.Page(slug));
        var warning = Assert.Single(site.Diagnostics.Snapshot());
        Assert.Equal(("SG0120", 1), (warning.Code, warning.Line));
        Assert.EndsWith($"{slug}.md", warning.File);
    }

    [Fact]
    public void PageWithoutItsSealCountsAsEdited()
    {
        var site = new Site();
        site.Feed("000.txt", Flow);
        site.Import();
        var path = Path.Combine(site.Content, "normalizing-flow.md");
        var unsealed = string.Join("\n", File.ReadAllText(path).Split('\n').Where(l => !l.StartsWith("generated:")));
        File.WriteAllText(path, unsealed);
        site.Feed("000.txt", Flow, Rl);
        var result = site.Import();
        Assert.Equal((1, 1), (result.PagesKeptEdited, result.PagesCreated));
        Assert.Equal(unsealed, File.ReadAllText(path));
    }

    [Fact]
    public void NewFeedAddsOnlyItsNewArticlesAndUpdatesSourcesOfKnownOnes()
    {
        var site = new Site();
        site.Feed("000.txt", Flow);
        site.Import();
        var flowBefore = site.Page("normalizing-flow");

        site.Feed("001.txt", Rl, Flow);
        var result = site.Import();
        Assert.Equal((1, 1, 0), (result.PagesCreated, result.PagesUpdated, result.PagesUnchanged));
        var flowAfter = site.Page("normalizing-flow");
        Assert.Contains("  - feed: 001.txt\n    line: 5\n", flowAfter);
        Assert.Equal(flowBefore.Split('\n')[1], flowAfter.Split('\n')[1]);
    }

    [Fact]
    public void LongerVersionInAnEarlierFeedKeepsIdSlugAndDate()
    {
        var site = new Site();
        site.Feed("005.txt", Rl);
        site.Import();
        var slug = Path.GetFileNameWithoutExtension(Directory.GetFiles(site.Content).Single());
        var before = site.Page(slug);

        site.Feed("001.txt", Rl.Replace("...", "。蒙特卡洛方法在强化学习算法谱系中处于无模型方法的起始位置。"));
        var result = site.Import(ImportTestKit.Today.AddDays(10));
        Assert.Equal((0, 1), (result.PagesCreated, result.PagesUpdated));
        var after = site.Page(slug);
        Assert.Equal(before.Split('\n')[1], after.Split('\n')[1]);
        Assert.Contains("\ndate: 2026-11-22\n", after);
        Assert.Contains("## 其他版本", after);
        Assert.Single(Directory.GetFiles(site.Content));
    }

    [Fact]
    public void SlugsNeverCollideEvenWithForeignFilesOrCase()
    {
        var site = new Site();
        Directory.CreateDirectory(site.Content);
        File.WriteAllText(Path.Combine(site.Content, "TFRecord.md"), "# my own notes\n");
        site.Feed("000.txt",
            "TFRecord TFRecord 是谷歌推荐的一种二进制文件格式,理论上它可以保存任何格式的信息。",
            "TFRecord TFRecord 是一种完全不同的另一篇文章,讲的是别的内容,与上一篇没有关系。");
        site.Import();
        var names = Directory.GetFiles(site.Content).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["TFRecord.md", "tfrecord-2.md", "tfrecord-3.md"], names);
        Assert.Equal("# my own notes\n", File.ReadAllText(Path.Combine(site.Content, "TFRecord.md")));
        Assert.All(names.Skip(1), n => Assert.Matches("^[a-z0-9][a-z0-9-]*\\.md$", n));
    }

    [Fact]
    public void WritesNoTemporaryFilesAndUtf8WithoutBom()
    {
        var site = new Site();
        site.Feed("000.txt", Flow);
        site.Import();
        var file = Assert.Single(Directory.GetFiles(site.Content));
        var bytes = File.ReadAllBytes(file);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }
}
