using AngleSharp.Html.Parser;
using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Publish;

/// <summary>A site of hand-written pages: highlighted code, static files, links by file, sized images.</summary>
public sealed class HandWrittenSiteTests
{
    [Fact]
    public void BuildsWithoutAWarning()
    {
        var (_, result) = HandWrittenSite.Build("/docs/");
        // The fixture has no feeds to import (SG0104); nothing else may be reported.
        Assert.All(result.Diagnostics, d => Assert.Equal("SG0104", d.Code));
    }

    [Fact]
    public void StaticFilesAreCopiedByteForByteToTheSiteRoot()
    {
        var (site, _) = HandWrittenSite.Build("/");
        var files = Directory.EnumerateFiles(HandWrittenSite.Static, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
        Assert.Equal(4, files.Count);
        foreach (var file in files)
        {
            var copy = Path.Combine(site, Path.GetRelativePath(HandWrittenSite.Static, file));
            Assert.True(File.Exists(copy), copy);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));
        }
    }

    [Fact]
    public void OnlyPagesWithHighlightedCodeLinkTheGeneratedStylesheet()
    {
        var (site, _) = HandWrittenSite.Build("/");
        Assert.True(File.Exists(Path.Combine(site, "assets", "highlight.css")));
        Assert.Contains("highlight.css", Read(site, "articles/writing-guide/index.html"), StringComparison.Ordinal);
        // A text fence is not highlighted code.
        Assert.DoesNotContain("highlight.css", Read(site, "articles/configuration/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("highlight.css", Read(site, "index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void ASiteWithoutHighlightedCodeHasNoStylesheet()
    {
        var (site, _) = TestSite.Build(TestSite.ValidContent, "/");
        Assert.False(File.Exists(Path.Combine(site, "assets", "highlight.css")));
    }

    [Fact]
    public void LinksByFileImagesAndRootRelativeUrlsResolve()
    {
        var (site, _) = HandWrittenSite.Build("https://example.org/docs/");
        var document = new HtmlParser().ParseDocument(Read(site, "articles/writing-guide/index.html"));
        var body = document.QuerySelector(".article-body")!;
        var links = body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("../../articles/configuration/#highlight", links);
        Assert.Contains("../../tags/", links);
        Assert.Contains("../../files/notes.txt", links);
        var image = Assert.Single(body.QuerySelectorAll("img"));
        Assert.Equal(("../../images/architecture.png", "lazy", "40", "24"),
            (image.GetAttribute("src"), image.GetAttribute("loading"), image.GetAttribute("width"), image.GetAttribute("height")));
        var back = new HtmlParser().ParseDocument(Read(site, "articles/configuration/index.html")).QuerySelector(".article-body a")!;
        Assert.Equal("../../articles/writing-guide/", back.GetAttribute("href"));
    }

    [Fact]
    public void AStaticFileThatCollidesWithAGeneratedFileFailsTheBuildAndKeepsTheOldSite()
    {
        using var dir = new TempDir();
        var (site, _) = HandWrittenSite.Build("/");
        var staticDir = dir.Combine("static");
        dir.Write("static/assets/site.css", "body{}");
        dir.Write("static/articles/writing-guide/index.html", "<p>mine</p>");
        dir.Write("static/ok.txt", "fine");
        var before = File.ReadAllText(Path.Combine(site, "index.html"));
        var config = new SiteConfig
        {
            ContentDir = HandWrittenSite.Content,
            SeedsDir = dir.Combine("no-seeds"),
            TemplatesDir = TestSite.TemplatesDir,
            OutputDir = site,
            CacheDir = dir.Combine("cache"),
            StaticDir = staticDir,
        };
        var result = new SiteBuilder(TimeProvider.System).Build(config);
        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(["SG0815", "SG0815"], errors.Select(e => e.Code));
        Assert.Contains(errors, e => e.File.EndsWith("static/assets/site.css", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("static/articles/writing-guide/index.html", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.False(File.Exists(Path.Combine(site, "ok.txt")));
        // No staging folder is left behind.
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetDirectoryName(site)!), d => Path.GetFileName(d).StartsWith("site.", StringComparison.Ordinal));
    }

    [Fact]
    public void AStaticFileThatCollidesWithAThemeAssetFailsTheBuild()
    {
        // No templates/ of the site's own but one added asset: the rest of the theme comes from the tool.
        using var dir = new TempDir();
        dir.Write("templates/assets/extra.css", "p{}");
        dir.Write("static/assets/site.js", "alert(1)");
        dir.Write("static/assets/search.css", "body{}");
        dir.Write("static/assets/extra.css", "p{color:red}");
        dir.Write("static/assets/highlight.css", "code{}");
        dir.Write("static/assets/mine.css", "fine");
        var config = new SiteConfig
        {
            ContentDir = HandWrittenSite.Content,
            SeedsDir = dir.Combine("no-seeds"),
            TemplatesDir = dir.Combine("templates"),
            OutputDir = dir.Combine("site"),
            CacheDir = dir.Combine("cache"),
            StaticDir = dir.Combine("static"),
        };
        var result = new SiteBuilder(TimeProvider.System).Build(config);
        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.All(errors, e => Assert.Equal("SG0815", e.Code));
        Assert.Equal(["static/assets/extra.css", "static/assets/highlight.css", "static/assets/search.css", "static/assets/site.js"],
            errors.Select(e => e.File[(e.File.LastIndexOf("static/", StringComparison.Ordinal))..]).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(config.OutputDir));
    }

    [Fact]
    public void AStaticLinkLeadingOutsideTheStaticFolderIsLeftOutWithAWarning()
    {
        using var dir = new TempDir();
        dir.Write("secret/key.txt", "do not publish");
        dir.Write("static/inside.txt", "published");
        dir.Write("static/docs/readme.txt", "published too");
        File.CreateSymbolicLink(dir.Combine("static", "key.txt"), dir.Combine("secret", "key.txt"));
        Directory.CreateSymbolicLink(dir.Combine("static", "all-secrets"), dir.Combine("secret"));
        File.CreateSymbolicLink(dir.Combine("static", "alias.txt"), dir.Combine("static", "inside.txt"));
        var config = new SiteConfig
        {
            ContentDir = HandWrittenSite.Content,
            SeedsDir = dir.Combine("no-seeds"),
            TemplatesDir = TestSite.TemplatesDir,
            OutputDir = dir.Combine("site"),
            CacheDir = dir.Combine("cache"),
            StaticDir = dir.Combine("static"),
        };
        var result = new SiteBuilder(TimeProvider.System).Build(config);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var outside = result.Diagnostics.Where(d => d.Code == "SG0817").Select(d => d.File[d.File.LastIndexOf("static/", StringComparison.Ordinal)..]).Order(StringComparer.Ordinal);
        Assert.Equal(["static/all-secrets/key.txt", "static/key.txt"], outside);
        Assert.False(File.Exists(dir.Combine("site", "key.txt")));
        Assert.False(Directory.Exists(dir.Combine("site", "all-secrets")));
        // A link that stays inside the folder is an ordinary static file.
        Assert.Equal("published", File.ReadAllText(dir.Combine("site", "alias.txt")));
        Assert.Equal("published too", File.ReadAllText(dir.Combine("site", "docs", "readme.txt")));
    }

    private static string Read(string site, string path) => File.ReadAllText(Path.Combine(site, path));
}
