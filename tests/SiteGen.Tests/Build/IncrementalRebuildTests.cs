using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>Rebuilds in a warm <see cref="BuildSession"/> (as <c>sitegen serve</c> runs them) write the files a change affects and no other.</summary>
public sealed class IncrementalRebuildTests : IDisposable
{
    private static readonly DateTime Before = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDir _dir = new();
    private readonly BuildSession _cache = new();
    private readonly SiteConfig _config;

    public IncrementalRebuildTests()
    {
        _config = TempSite.Config(_dir) with { PageSize = 2 };
        Directory.CreateDirectory(_config.SeedsDir);
        // Newest first: a b | c d | e on three home pages.
        WritePage("a", "甲篇文章", 5, "优化");
        WritePage("b", "乙篇文章", 4, "优化", "概率");
        WritePage("c", "丙篇文章", 3, "概率");
        WritePage("d", "丁篇文章", 2, "微调");
        WritePage("e", "戊篇文章", 1, "微调");
        var first = Build();
        Assert.False(first.Incremental);
        Rewritten();
    }

    [Fact]
    public void BodyEditRewritesThatArticleAndNoListing()
    {
        WritePage("c", "丙篇文章", 3, ["概率"], body: "改过的正文，摘要来自描述。");
        var result = Build();
        Assert.True(result.Incremental);
        var rewritten = Rewritten();
        Assert.Contains("articles/c/index.html", rewritten);
        Assert.Contains("改过的正文", Read("articles/c/index.html"));
        // The listings show the description, which did not change.
        Assert.DoesNotContain("index.html", rewritten);
        Assert.DoesNotContain("page/2/index.html", rewritten);
        Assert.DoesNotContain("tags/index.html", rewritten);
        Assert.Equal(rewritten.Count(p => p.EndsWith(".html", StringComparison.Ordinal)), result.PagesWritten);
    }

    [Fact]
    public void TagChangeUpdatesOldAndNewTagPages()
    {
        WritePage("c", "丙篇文章", 3, "微调");
        Build();
        var rewritten = Rewritten();
        // Pages whose bytes show the tag; a neighbour whose link to c shows no tags keeps its file.
        Assert.Superset(new HashSet<string>(["articles/c/index.html", "tags/概率/index.html", "tags/微调/index.html", "tags/index.html", "page/2/index.html"]), rewritten.ToHashSet());
        Assert.DoesNotContain("丙篇文章", Read("tags/概率/index.html"));
        Assert.Contains("丙篇文章", Read("tags/微调/index.html"));
        Assert.DoesNotContain("robots.txt", rewritten);
    }

    [Fact]
    public void NewTagAndLastUseOfATagCreateAndDeleteItsPage()
    {
        WritePage("b", "乙篇文章", 4, "优化", "强化学习");
        WritePage("c", "丙篇文章", 3, "微调");
        Build();
        Assert.True(File.Exists(_dir.Combine("site", "tags", "强化学习", "index.html")));
        Assert.False(Directory.Exists(_dir.Combine("site", "tags", "概率")));
        Assert.Contains("强化学习", Read("tags/index.html"));
        Assert.DoesNotContain("概率", Read("tags/index.html"));
    }

    [Fact]
    public void DeletedPageDisappears()
    {
        File.Delete(_dir.Combine("content", "e.md"));
        var result = Build();
        Assert.True(result.Incremental);
        Assert.False(Directory.Exists(_dir.Combine("site", "articles", "e")));
        Assert.False(Directory.Exists(_dir.Combine("site", "page", "3")));
        Assert.Contains("articles/d/index.html", Rewritten());
        Assert.DoesNotContain("戊篇文章", Read("articles/d/index.html"));
        Assert.DoesNotContain("戊篇文章", Read("tags/微调/index.html"));
    }

    [Fact]
    public void TitleChangeUpdatesNeighboursAndItsHomePage()
    {
        WritePage("c", "丙篇新标题", 3, "概率");
        Build();
        var rewritten = Rewritten();
        Assert.Superset(new HashSet<string>(["articles/c/index.html", "articles/b/index.html", "articles/d/index.html", "page/2/index.html", "tags/概率/index.html", "atom.xml"]), rewritten.ToHashSet());
        Assert.DoesNotContain("index.html", rewritten);
        Assert.DoesNotContain("page/3/index.html", rewritten);
        foreach (var page in new[] { "articles/b/index.html", "articles/d/index.html", "page/2/index.html" })
        {
            Assert.Contains("丙篇新标题", Read(page));
        }
    }

    [Fact]
    public void NewPageIsListedAndLinked()
    {
        WritePage("f", "己篇文章", 6, "优化");
        Build();
        Assert.Contains("己篇文章", Read("index.html"));
        Assert.Contains("己篇文章", Read("articles/a/index.html"));
        Assert.True(File.Exists(_dir.Combine("site", "page", "3", "index.html")));
        Assert.Contains("戊篇文章", Read("page/3/index.html"));
    }

    [Fact]
    public void OriginalLinkAndAuthorEditsRewriteThatArticle()
    {
        WritePage("c", "丙篇文章", 3, ["概率"], body: "丙篇文章的正文。", extra: "link: https://example.com/a\nauthor: 甲\n");
        Build();
        // The Atom entry names the author and links the original too.
        Assert.Equal(["articles/c/index.html", "atom.xml"], Rewritten());
        Assert.Contains("href=\"https://example.com/a\"", Read("articles/c/index.html"));

        // Only the link and the author change: that page and the feed are rewritten, and no page listing it.
        WritePage("c", "丙篇文章", 3, ["概率"], body: "丙篇文章的正文。", extra: "link: https://example.com/b\nauthor: 乙\n");
        var result = Build();
        Assert.True(result.Incremental);
        Assert.Equal(["articles/c/index.html", "atom.xml"], Rewritten());
        Assert.Contains("<link rel=\"related\" href=\"https://example.com/b\" />", Read("atom.xml"));
        Assert.Contains("<name>乙</name>", Read("atom.xml"));
        var html = Read("articles/c/index.html");
        Assert.Contains("href=\"https://example.com/b\"", html);
        Assert.Contains("<span class=\"author\">乙</span>", html);
    }

    [Fact]
    public void UnchangedInputsWriteNothing()
    {
        var result = Build();
        Assert.True(result.Incremental);
        Assert.Empty(Rewritten());
        Assert.False(result.StageMilliseconds.ContainsKey("swap"));
    }

    [Fact]
    public void TemplateFolderWithTheSameBytesRewritesNothing()
    {
        var templates = _dir.Combine("templates");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(templates, Path.GetRelativePath(RepoPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var result = new SiteBuilder(TimeProvider.System).Build(_config with { TemplatesDir = templates }, _cache);
        Assert.True(result.Succeeded);
        Assert.Empty(Rewritten());
        Assert.Equal(0, result.FilesWritten);
    }

    [Fact]
    public void TemplateEditRewritesThePagesOfThatTemplate()
    {
        var templates = _dir.Combine("templates");
        _dir.Write("templates/pages/tag.sbn-html", File.ReadAllText(Path.Combine(RepoPaths.Templates, "pages", "tag.sbn-html")) + "<!-- tag -->\n");
        var result = new SiteBuilder(TimeProvider.System).Build(_config with { TemplatesDir = templates }, _cache);
        Assert.True(result.Succeeded);
        var rewritten = Rewritten();
        Assert.NotEmpty(rewritten);
        Assert.All(rewritten, p => Assert.StartsWith("tags/", p, StringComparison.Ordinal));
        Assert.DoesNotContain("tags/index.html", rewritten);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _dir.Dispose();
    }

    private BuildResult Build()
    {
        var result = new SiteBuilder(TimeProvider.System).Build(_config, _cache);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    /// <summary>Files written since the last call: every file is back-dated after each check.</summary>
    private IReadOnlyList<string> Rewritten()
    {
        var site = _dir.Combine("site");
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToList();
        var rewritten = files.Where(f => File.GetLastWriteTimeUtc(f) > Before.AddDays(1))
            .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        files.ForEach(f => File.SetLastWriteTimeUtc(f, Before));
        return rewritten;
    }

    private string Read(string path) => File.ReadAllText(_dir.Combine("site", path));

    private void WritePage(string slug, string title, int day, params string[] tags) =>
        WritePage(slug, title, day, tags, body: $"{title}的正文。");

    private void WritePage(string slug, string title, int day, string[] tags, string body, string extra = "") =>
        _dir.Write($"content/{slug}.md",
            $"---\ntitle: {title}\nslug: {slug}\ndate: 2026-01-{day:D2}\ndescription: {title}的描述\ntags: [{string.Join(", ", tags)}]\n{extra}---\n{body}\n");
}
