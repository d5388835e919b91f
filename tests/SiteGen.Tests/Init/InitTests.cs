using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Init;
using SiteGen.Tests.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Init;

/// <summary><c>sitegen init</c>: a working, commented site; never overwrites one without --force.</summary>
[Collection("Console")]
public sealed class InitTests
{
    private static string[] BuildIn(string site) =>
    [
        "build", "--seeds", Path.Combine(site, "seeds"), "--content", Path.Combine(site, "content"), "--templates", RepoPaths.Templates,
        "--out", Path.Combine(site, "site"), "--config", Path.Combine(site, "sitegen.yml"),
    ];

    [Fact]
    public void InitWritesACommentedConfigASampleFeedAGitignoreAndAReadme()
    {
        using var dir = new TempDir();
        var site = dir.Combine("my-site");
        var run = CliRun.Run("init", site, "--base-url", "https://you.github.io/notes");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("next: cd ", run.Stdout);
        Assert.Contains("sitegen build", run.Stdout);

        var diagnostics = new DiagnosticBag();
        var config = new LoadConfig().Run(Path.Combine(site, "sitegen.yml"), new SiteConfig(), diagnostics);
        Assert.Empty(diagnostics.Snapshot());
        Assert.Equal("my-site", config.Title);
        Assert.Equal("zh-CN", config.Language);
        Assert.Equal("https://you.github.io/notes/", config.BaseUrl);
        Assert.Equal(3, config.Taxonomy.Count);
        var yaml = File.ReadAllLines(Path.Combine(site, "sitegen.yml"));
        Assert.True(yaml.Count(l => l.TrimStart().StartsWith('#')) >= 10, "sitegen.yml explains its settings in comments");

        var feeds = new ReadFeeds().Read(Path.Combine(site, "seeds"), diagnostics);
        Assert.Empty(diagnostics.Snapshot());
        Assert.Equal(3, feeds.Entries.Count);
        Assert.True(Directory.Exists(Path.Combine(site, "content")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(site, "content")));
        Assert.Empty(Directory.EnumerateDirectories(site, "templates"));

        var ignore = File.ReadAllLines(Path.Combine(site, ".gitignore"));
        Assert.Contains("/site/", ignore);
        Assert.Contains("/" + new SiteConfig().CacheDir + "/", ignore);
        Assert.Contains("sitegen build", File.ReadAllText(Path.Combine(site, "README.md")));
    }

    [Fact]
    public void TheNewSiteBuildsAtOnce()
    {
        using var dir = new TempDir();
        var site = dir.Combine("notes");
        Assert.Equal(0, CliRun.Run("init", site).Exit);
        var build = CliRun.Run(BuildIn(site));
        Assert.True(build.Exit == 0, build.ToString());
        Assert.Contains("0 warning(s)", build.Stdout);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(site, "content"), "*.md").Length);
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(site, "site", "articles")).Length);
        var attention = Directory.GetFiles(Path.Combine(site, "site", "articles"), "index.html", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Single(h => h.Contains("<title>注意力机制", StringComparison.Ordinal));
        Assert.Contains("class=\"katex-display\"", attention);
        Assert.Contains("https://example.org/articles/", File.ReadAllText(Path.Combine(site, "site", "atom.xml")));
    }

    [Fact]
    public void AnEnglishSiteGetsAnEnglishSampleThatBuilds()
    {
        using var dir = new TempDir();
        var site = dir.Combine("notes");
        Assert.Equal(0, CliRun.Run("init", site, "--language", "en", "--title", "Notes: \"math\" #1").Exit);
        var diagnostics = new DiagnosticBag();
        var config = new LoadConfig().Run(Path.Combine(site, "sitegen.yml"), new SiteConfig(), diagnostics);
        Assert.Equal("Notes: \"math\" #1", config.Title);
        Assert.Equal("en", config.Language);
        Assert.Contains("Gradient descent", File.ReadAllText(Path.Combine(site, SiteScaffold.SampleFeed)));
        var build = CliRun.Run(BuildIn(site));
        Assert.True(build.Exit == 0, build.ToString());
        Assert.True(File.Exists(Path.Combine(site, "site", "articles", "gradient-descent", "index.html")));
    }

    [Fact]
    public void WithoutATerminalInitWritesThePlaceholderBaseUrlAndSaysSo()
    {
        using var dir = new TempDir();
        var run = CliRun.Run("init", dir.Combine("s"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("base_url: \"https://example.org/\"", File.ReadAllText(dir.Combine("s", "sitegen.yml")));
        Assert.Contains("placeholder", run.Stdout);
    }

    [Fact]
    public void OnATerminalInitAsksForTheBaseUrl()
    {
        using var dir = new TempDir();
        var run = SiteGenProcess.RunInTerminal(dir.Path, "https://me.example.net/notes\n", "init", "asked");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("Where will the site be published?", run.Stdout);
        Assert.Contains("base_url: \"https://me.example.net/notes/\"", File.ReadAllText(dir.Combine("asked", "sitegen.yml")));
    }

    [Fact]
    public void AnExistingSiteIsRefusedUnlessForcedAndForceKeepsPagesFeedsAndReadme()
    {
        using var dir = new TempDir();
        var site = dir.Combine("s");
        Assert.Equal(0, CliRun.Run("init", site).Exit);
        File.WriteAllText(Path.Combine(site, "sitegen.yml"), "title: mine\n");
        File.WriteAllText(Path.Combine(site, "README.md"), "my readme\n");
        File.WriteAllText(Path.Combine(site, "seeds", "mine.txt"), "my feed line\n");
        File.WriteAllText(Path.Combine(site, "content", "page.md"), "---\ntitle: 页\n---\n正文\n");

        var again = CliRun.Run("init", site);
        Assert.Equal(1, again.Exit);
        Assert.Contains("error SG0911", again.Stderr);
        Assert.Contains("--force", again.Stderr);
        Assert.Equal("title: mine\n", File.ReadAllText(Path.Combine(site, "sitegen.yml")));

        var forced = CliRun.Run("init", site, "--force");
        Assert.True(forced.Exit == 0, forced.ToString());
        Assert.Contains("taxonomy:", File.ReadAllText(Path.Combine(site, "sitegen.yml")));
        Assert.Equal("my readme\n", File.ReadAllText(Path.Combine(site, "README.md")));
        Assert.Equal("my feed line\n", File.ReadAllText(Path.Combine(site, "seeds", "mine.txt")));
        Assert.True(File.Exists(Path.Combine(site, "content", "page.md")));
    }

    [Fact]
    public void AnExistingGitignoreGainsOnlyTheLinesItLacks()
    {
        using var dir = new TempDir();
        dir.Write(".gitignore", "node_modules/\n/site/");
        Assert.Equal(0, CliRun.Run("init", dir.Path).Exit);
        Assert.Equal(0, CliRun.Run("init", dir.Path, "--force").Exit);
        var lines = File.ReadAllLines(dir.Combine(".gitignore"));
        Assert.Equal("node_modules/", lines[0]);
        foreach (var path in SiteScaffold.IgnoredPaths)
        {
            Assert.Single(lines, path);
        }
    }

    [Fact]
    public void InitIntoTheCurrentFolderTellsToBuildThere()
    {
        using var dir = new TempDir();
        var run = SiteGenProcess.Run(dir.Path, null, "init");
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("next: sitegen build", run.Stdout);
        Assert.Contains($"title: \"{Path.GetFileName(dir.Path)}\"", File.ReadAllText(dir.Combine("sitegen.yml")));
    }

    [Theory]
    [InlineData("--language", "not a language")]
    [InlineData("--base-url", "ftp://example.org/")]
    public void BadSettingsAreBadUsageAndWriteNothing(string option, string value)
    {
        using var dir = new TempDir();
        var run = CliRun.Run("init", dir.Combine("s"), option, value);
        Assert.Equal(2, run.Exit);
        Assert.False(Directory.Exists(dir.Combine("s")));
    }
}
