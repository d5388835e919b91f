using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// The build checks links where they are written: a page's own links at <c>content/x.md(line,col)</c>, each
/// reported once (links by file only by the Markdown stage), and what a template emits once per template, not
/// once per page it wrote.
/// </summary>
public sealed class WrittenLinksTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void ABrokenLinkInMarkdownIsReportedOnceAtItsLineAndColumn()
    {
        Page("a", "甲", "第一行。\n\n见 [乙的方法](../b/#方法) 和 [丢失](../missing/)，\n还有 ![图](/images/none.png)。\n");
        Page("b", "乙", "## 方法\n\n正文。\n");
        var diagnostics = Build().Diagnostics.Where(d => d.Code.StartsWith("SG06", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, diagnostics.Count);
        var missing = diagnostics.Single(d => d.Message.Contains("../missing/", StringComparison.Ordinal));
        Assert.Equal(("SG0601", "content/a.md", 9, 22), (missing.Code, Shown(missing.File), missing.Line, missing.Column));
        var image = diagnostics.Single(d => d.Message.Contains("none.png", StringComparison.Ordinal));
        Assert.Equal(("SG0601", "content/a.md", 10, 4), (image.Code, Shown(image.File), image.Line, image.Column));
    }

    [Fact]
    public void AMissingAnchorOnAnotherPageIsSG0602AtTheLink()
    {
        Page("a", "甲", "见 [乙](../b/#结论)。\n");
        Page("b", "乙", "## 方法\n\n正文。\n");
        var warning = Assert.Single(Build().Diagnostics, d => d.Code.StartsWith("SG06", StringComparison.Ordinal));
        Assert.Equal(("SG0602", "content/a.md", 7, 3), (warning.Code, Shown(warning.File), warning.Line, warning.Column));
    }

    [Fact]
    public void ABrokenLinkByFileIsReportedOnlyByTheMarkdownStage()
    {
        Page("a", "甲", "见 [乙](b.md#结论) 和 [丙](c.md)。\n");
        Page("b", "乙", "## 方法\n\n正文。\n");
        var found = Build().Diagnostics.Where(d => d.Code.StartsWith("SG06", StringComparison.Ordinal) || d.Code.StartsWith("SG080", StringComparison.Ordinal)).ToList();
        Assert.Equal(["SG0802", "SG0803"], found.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.All(found, d => Assert.Equal("content/a.md", Shown(d.File)));
    }

    [Fact]
    public void ATemplateLinkIsCheckedOncePerTemplateNotPerPage()
    {
        for (var i = 0; i < 6; i++)
        {
            Page($"p{i}", $"第{i}篇", "正文。\n");
        }

        _dir.Write("templates/pages/article.sbn-html",
            File.ReadAllText(Path.Combine(RepoPaths.Templates, "pages", "article.sbn-html")) + "<a href=\"{{ root | escape }}nowhere/\">x</a>\n");
        var warning = Assert.Single(Build(templates: true).Diagnostics, d => d.Code.StartsWith("SG06", StringComparison.Ordinal));
        Assert.Equal("SG0601", warning.Code);
        Assert.Contains("pages/article.sbn-html", warning.Message, StringComparison.Ordinal);
        Assert.StartsWith(_dir.Combine("site", "articles").Replace('\\', '/'), warning.File, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSiteOfTheFixtureIsCleanByBothChecks()
    {
        var (site, result) = Publish.TestSite.Build(Publish.TestSite.ValidContent, "/docs/");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("SG06", StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();
        new SiteGen.Check.CheckLinks("/docs/").Run(site, "site", diagnostics);
        Assert.Empty(diagnostics.Snapshot());
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A diagnostic's file (pages are shown relative to the working folder) relative to the test's folder.</summary>
    private string Shown(string file) => Path.GetRelativePath(_dir.Path, Path.GetFullPath(file)).Replace('\\', '/');

    private BuildResult Build(bool templates = false)
    {
        var config = new SiteConfig
        {
            SeedsDir = _dir.Combine("seeds"),
            ContentDir = _dir.Combine("content"),
            TemplatesDir = templates ? _dir.Combine("templates") : RepoPaths.Templates,
            OutputDir = _dir.Combine("site"),
            CacheDir = _dir.Combine(".cache"),
            StaticDir = _dir.Combine("static"),
            ConfigFile = _dir.Combine("sitegen.yml"),
        };
        Directory.CreateDirectory(config.SeedsDir);
        var result = new SiteBuilder(TimeProvider.System).Build(config);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    private void Page(string slug, string title, string body) =>
        _dir.Write($"content/{slug}.md", $"---\ntitle: {title}\nslug: {slug}\ndate: 2026-01-0{slug.Length}\ntags: []\n---\n{body}");
}
