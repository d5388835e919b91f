using SiteGen.Build;
using SiteGen.Cli;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Publish;
using SiteGen.Templates;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Templates;

/// <summary>Whole builds with the built-in theme, a site's overrides, and templates that fail (each a located error, exit 1, no site written).</summary>
public sealed class ThemeBuildTests
{
    private const string Page = "---\ntitle: \"第一篇 <b>粗体</b>\"\nslug: first\ndate: 2026-01-02\ntags: [生成模型]\n---\n正文。\n";

    private static (TempDir Dir, SiteConfig Config) Site(params (string Path, string Text)[] files)
    {
        var dir = new TempDir();
        dir.Write("content/first.md", Page);
        Directory.CreateDirectory(dir.Combine("seeds"));
        foreach (var (path, text) in files)
        {
            dir.Write(path, text);
        }

        var config = new SiteConfig
        {
            SeedsDir = dir.Combine("seeds"),
            ContentDir = dir.Combine("content"),
            TemplatesDir = dir.Combine("templates"),
            OutputDir = dir.Combine("site"),
            CacheDir = dir.Combine("cache"),
        };
        return (dir, config);
    }

    private static BuildResult Build(SiteConfig config) => new SiteBuilder(TimeProvider.System).Build(config);

    /// <summary>What a build reported besides the note that the seeds folder is empty.</summary>
    private static List<Diagnostic> Reported(BuildResult result) => result.Diagnostics.Where(d => d.Code != "SG0105").ToList();

    [Fact]
    public void FolderWithoutTemplatesBuildsWithTheEmbeddedTheme()
    {
        var (dir, config) = Site();
        using (dir)
        {
            var result = Build(config);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.Empty(Reported(result));
            Assert.Contains("<a class=\"skip-link\" href=\"#main\">跳到正文</a>", File.ReadAllText(dir.Combine("site", "articles", "first", "index.html")));
            Assert.Equal(EmbeddedTheme.ReadAllBytes("assets/site.css"), File.ReadAllBytes(dir.Combine("site", "assets", "site.css")));
        }
    }

    [Fact]
    public void OneOverriddenFileChangesItsPagesAndNothingElse()
    {
        var (plainDir, plainConfig) = Site();
        var (dir, config) = Site(
            ("templates/pages/tag.sbn-html", "<h1 class=\"my-tag\">{{ tag.name | escape }} ({{ tag.count | escape }})</h1>"),
            ("templates/assets/site.css", "body { color: rebeccapurple; }"));
        using (plainDir)
        using (dir)
        {
            Assert.True(Build(plainConfig).Succeeded);
            var result = Build(config);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var tag = File.ReadAllText(dir.Combine("site", "tags", "生成模型", "index.html"));
            Assert.Contains("<h1 class=\"my-tag\">生成模型 (1)</h1>", tag);
            // The layout still comes from the embedded theme.
            Assert.Contains("<a class=\"skip-link\"", tag);
            Assert.Equal("body { color: rebeccapurple; }", File.ReadAllText(dir.Combine("site", "assets", "site.css")));
            foreach (var path in new[] { "index.html", "articles/first/index.html", "tags/index.html", "404.html", "assets/site.js" })
            {
                Assert.Equal(File.ReadAllText(plainDir.Combine("site", path)), File.ReadAllText(dir.Combine("site", path)));
            }
        }
    }

    [Fact]
    public void UnescapedTitleInAUserTemplateIsAnErrorNamingFileAndLine()
    {
        var (dir, config) = Site(("templates/pages/article.sbn-html", "<article>\n<h1>{{ page.title }}</h1>\n{{ article.body_html }}\n</article>\n"));
        using (dir)
        {
            var result = Build(config);
            Assert.False(result.Succeeded);
            var error = Assert.Single(Reported(result));
            Assert.Equal(("SG0405", Severity.Error, 2, 8), (error.Code, error.Severity, error.Line, error.Column));
            Assert.EndsWith("templates/pages/article.sbn-html", error.File);
            Assert.Matches(@"templates/pages/article\.sbn-html\(2,8\): error SG0405: 'page\.title' writes text without escaping it", error.ToString());
            Assert.False(Directory.Exists(config.OutputDir));
            Assert.Equal(CommandLine.BuildFailed, CommandLine.Run(["build", "--seeds", config.SeedsDir, "--content", config.ContentDir,
                "--templates", config.TemplatesDir, "--out", config.OutputDir]));
        }
    }

    public static TheoryData<string, string, string, int, int> Failures() => new()
    {
        // A parse error: the whole theme is refused before any page is rendered.
        { "pages/home.sbn-html", "<ol>\n{{ for card in articles }}\n<li>{{ card.title | escape }}</li>\n", "SG0402", 3, 30 },
        // A runtime error: a misspelt model name, strict variables.
        { "pages/tag.sbn-html", "<h1>\n  {{ tag.nmae | escape }}</h1>", "SG0404", 2, 10 },
        // An include failure: a computed name outside the catalogue.
        { "pages/tags.sbn-html", "{{ name = '../sitegen.yml' }}\n{{ include name }}", "SG0408", 2, 4 },
        // A limit overrun: a loop far past the site's size.
        { "pages/search.sbn-html", "{{ for i in 1..1000000 }}{{ i | escape }}{{ end }}", "SG0409", 1, 14 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void TemplateFailureIsALocatedErrorWithAHintAndKeepsThePreviousSite(string template, string text, string code, int line, int column)
    {
        var (dir, config) = Site();
        using (dir)
        {
            Assert.True(Build(config).Succeeded);
            var before = File.ReadAllText(dir.Combine("site", "index.html"));
            dir.Write("templates/" + template, text);
            var result = Build(config);
            Assert.False(result.Succeeded);
            var error = Assert.Single(Reported(result));
            Assert.Equal((code, Severity.Error, line, column), (error.Code, error.Severity, error.Line, error.Column));
            Assert.EndsWith("templates/" + template, error.File);
            Assert.Contains("; ", error.Message);
            Assert.Equal(before, File.ReadAllText(dir.Combine("site", "index.html")));
            Assert.Equal(CommandLine.BuildFailed, CommandLine.Run(["build", "--seeds", config.SeedsDir, "--content", config.ContentDir,
                "--templates", config.TemplatesDir, "--out", config.OutputDir, "--config", dir.Combine("none.yml")]));
        }
    }

    [Fact]
    public void OneThreadAndAllCoresRenderIdenticalTrees()
    {
        using var work = new TempDir();
        var config = new SiteConfig { Title = "确定性", PageSize = 2, BaseUrl = "https://example.org/" };
        var site = SiteGen.Tests.Publish.Articles.Site(Enumerable.Range(0, 40)
            .Select(i => SiteGen.Tests.Publish.Articles.Page($"a{i}", $"文章 {i} &lt;正文&gt;", [i % 3 == 0 ? "甲" : "乙", "丙"], $"2024-01-{i % 28 + 1:00}"))
            .ToArray());
        var related = site.Articles.Select(a => (IReadOnlyList<ArticleEntry>)site.Articles.Where(b => b != a).Take(3).ToList()).ToArray();
        var plan = new WriteSite(config, TemplateSet.Load(work.Combine("none"), new DiagnosticBag())).Plan(site, related);

        var sequential = plan.ToDictionary(f => f.Path, f => f.Render());
        var parallel = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        Parallel.ForEach(plan, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, 4 * Environment.ProcessorCount) }, f => parallel[f.Path] = f.Render());

        Assert.Equal(sequential.Count, parallel.Count);
        Assert.True(sequential.Count > 60);
        foreach (var (path, text) in sequential)
        {
            Assert.Equal(text, parallel[path]);
        }
    }
}
