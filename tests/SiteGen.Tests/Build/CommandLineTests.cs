using SiteGen.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>The CLI contract: exit 0 on success, 1 on build errors (or warnings under --strict), 2 on bad usage.</summary>
[Collection("Console")]
public sealed class CommandLineTests
{
    private const string Page = "---\ntitle: 页面\nslug: page\n---\n正文 $x^2$\n";

    private static string[] Args(TempDir dir, params string[] extra) =>
    [
        "build", "--seeds", dir.Combine("seeds"), "--content", dir.Combine("content"),
        "--templates", dir.Combine("templates"), "--out", dir.Combine("site"), "--config", dir.Combine("sitegen.yml"),
        .. extra,
    ];

    private static TempDir SiteWithTemplates()
    {
        var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        CopyDirectory(RepoPaths.Templates, dir.Combine("templates"));
        dir.Write("content/page.md", Page);
        return dir;
    }

    [Fact]
    public void UnknownOptionIsBadUsage()
    {
        Assert.Equal(2, CommandLine.Run(["build", "--no-such-option"]));
    }

    [Fact]
    public void InvalidBaseUrlIsBadUsage()
    {
        using var dir = SiteWithTemplates();
        Assert.Equal(2, CommandLine.Run(Args(dir, "--base-url", "ftp://x/")));
    }

    [Fact]
    public void BuildSucceedsAndWritesReport()
    {
        using var dir = SiteWithTemplates();
        var report = dir.Combine("report.json");
        Assert.Equal(0, CommandLine.Run(Args(dir, "--report", report)));
        Assert.True(File.Exists(dir.Combine("site", "articles", "page", "index.html")));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
        foreach (var key in new[] { "feeds", "entries", "articles", "pages", "exact_duplicates", "near_duplicates", "formulas", "diagnostics", "stages" })
        {
            Assert.True(json.RootElement.TryGetProperty(key, out _), $"report lacks '{key}'");
        }
    }

    [Fact]
    public void BrokenTemplateFailsAndKeepsThePreviousSite()
    {
        using var dir = SiteWithTemplates();
        Assert.Equal(0, CommandLine.Run(Args(dir)));
        var index = dir.Combine("site", "index.html");
        var before = File.ReadAllText(index);
        File.WriteAllText(dir.Combine("templates", "pages", "home.sbn-html"), "{{ for card in articles }}unclosed");
        dir.Write("content/other.md", "---\ntitle: 新页面\nslug: other\n---\n新的\n");
        Assert.Equal(1, CommandLine.Run(Args(dir)));
        Assert.Equal(before, File.ReadAllText(index));
        Assert.False(Directory.Exists(dir.Combine("site", "articles", "other")));
        Assert.Single(Directory.GetDirectories(dir.Path), d => Path.GetFileName(d).StartsWith("site", StringComparison.Ordinal));
    }

    [Fact]
    public void WarningsPassButFailUnderStrict()
    {
        using var dir = SiteWithTemplates();
        dir.Write("content/broken.md", "no front matter\n");
        Assert.Equal(0, CommandLine.Run(Args(dir)));
        Assert.Equal(1, CommandLine.Run(Args(dir, "--strict")));
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
