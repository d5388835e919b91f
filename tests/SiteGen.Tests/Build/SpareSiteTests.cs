using SiteGen.Publish;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// The site before last, kept in the cache, becomes the next staging folder: what it shares with the live site
/// stays, everything else is replaced or removed, the live site is never written through a shared link, and the
/// committed site holds exactly the new files.
/// </summary>
public sealed class SpareSiteTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Site => _dir.Combine("site");

    private string Spare => _dir.Combine(".cache", "spare-site");

    [Fact]
    public void TheSpareBecomesTheNewSiteWithExactlyItsFiles()
    {
        _dir.Write("site/same.html", "same");
        _dir.Write("site/relinked.html", "current");
        _dir.Write("site/rewritten.html", "current");
        // The spare: a link to the live file, an older copy, a file where a folder must go, a folder where a file
        // must go, and files the new site no longer has.
        Directory.CreateDirectory(Spare);
        Link(Path.Combine(Site, "same.html"), Path.Combine(Spare, "same.html"));
        _dir.Write(".cache/spare-site/relinked.html", "older");
        _dir.Write(".cache/spare-site/rewritten.html", "older");
        _dir.Write(".cache/spare-site/post", "a file where post/ goes");
        _dir.Write(".cache/spare-site/tags/index.html/x.html", "a folder where a file goes");
        _dir.Write(".cache/spare-site/gone/deep/old.html", "gone");
        _dir.Write(".cache/spare-site/gone.html", "gone");

        using (var output = new SiteOutput(Site, Spare))
        {
            Assert.False(Directory.Exists(Spare));
            output.Link("same.html", Path.Combine(Site, "same.html"), Stat(Path.Combine(Site, "same.html")));
            output.Link("relinked.html", Path.Combine(Site, "relinked.html"), Stat(Path.Combine(Site, "relinked.html")));
            output.Write("rewritten.html", "new"u8);
            output.Write("post/index.html", "post"u8);
            output.Write("tags/index.html", "tags"u8);
            output.RemoveStale();
            output.Commit();
        }

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["post/index.html"] = "post",
                ["relinked.html"] = "current",
                ["rewritten.html"] = "new",
                ["same.html"] = "same",
                ["tags/index.html"] = "tags",
            },
            Files(Site));
        Assert.Equal(["post", "tags"], Directory.GetDirectories(Site).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The old site is the next spare, and no staging folder is left beside the site.
        Assert.Equal("current", File.ReadAllText(Path.Combine(Spare, "rewritten.html")));
        Assert.Equal(["site"], Directory.GetDirectories(_dir.Path).Select(Path.GetFileName).Where(n => n != ".cache"));
    }

    [Fact]
    public void AFileSharedWithTheLiveSiteIsNeverWrittenThrough()
    {
        _dir.Write("site/page.html", "live");
        Directory.CreateDirectory(Spare);
        Link(Path.Combine(Site, "page.html"), Path.Combine(Spare, "page.html"));

        using (var output = new SiteOutput(Site, Spare))
        {
            output.Write("page.html", "next"u8);
            // Until the swap, readers of the live site see the old page.
            Assert.Equal("live", File.ReadAllText(Path.Combine(Site, "page.html")));
            output.RemoveStale();
            output.Commit();
        }

        Assert.Equal("next", File.ReadAllText(Path.Combine(Site, "page.html")));
        Assert.Equal("live", File.ReadAllText(Path.Combine(Spare, "page.html")));
    }

    [Fact]
    public void ABuildThroughTheSpareGivesTheSiteACleanBuildGives()
    {
        var config = TempSite.Config(_dir);
        _dir.Write("content/a.md", "---\ntitle: 甲\nslug: a\ndate: 2026-01-02\n---\n正文一。\n");
        _dir.Write("content/b.md", "---\ntitle: 乙\nslug: b\ndate: 2026-01-01\n---\n正文二。\n");
        Build(config);
        _dir.Write("content/b.md", "---\ntitle: 乙\nslug: b\ndate: 2026-01-01\n---\n正文二，改过。\n");
        Build(config);
        Assert.True(Directory.Exists(Path.Combine(config.CacheDir, "spare-site")));
        _dir.Write("content/c.md", "---\ntitle: 丙\nslug: c\ndate: 2026-01-03\n---\n正文三。\n");
        File.Delete(_dir.Combine("content/a.md"));
        Build(config);

        using var clean = new TempDir();
        Directory.CreateDirectory(clean.Combine("content"));
        foreach (var file in Directory.GetFiles(_dir.Combine("content")))
        {
            File.Copy(file, clean.Combine("content", Path.GetFileName(file)));
        }

        var cleanConfig = TempSite.Config(clean);
        Build(cleanConfig);
        Assert.Equal(Files(cleanConfig.OutputDir), Files(config.OutputDir));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ASpareReadAheadIsTheStagingFolderWithTheFilesItHadWhenRead()
    {
        _dir.Write("site/same.html", "same");
        Directory.CreateDirectory(Spare);
        Link(Path.Combine(Site, "same.html"), Path.Combine(Spare, "same.html"));
        _dir.Write(".cache/spare-site/gone.html", "gone");
        var spare = new SpareSite(Spare);
        Assert.Equal(
            [("gone.html", 4L), ("same.html", 4L)],
            spare.Files()!.Select(f => (f.Path, f.Length)).Order());

        using (var output = new SiteOutput(Site, spare))
        {
            Assert.False(Directory.Exists(Spare));
            output.Link("same.html", Path.Combine(Site, "same.html"), Stat(Path.Combine(Site, "same.html")));
            output.RemoveStale();
            output.Commit();
        }

        Assert.Equal(new Dictionary<string, string> { ["same.html"] = "same" }, Files(Site));
    }

    [Fact]
    public void WithoutASpareTheStagingFolderIsNew()
    {
        _dir.Write("site/page.html", "old");
        var spare = new SpareSite(Spare);
        Assert.Null(spare.Files());

        using (var output = new SiteOutput(Site, spare))
        {
            output.Write("page.html", "new"u8);
            output.RemoveStale();
            output.Commit();
        }

        Assert.Equal(new Dictionary<string, string> { ["page.html"] = "new" }, Files(Site));
        Assert.Equal("old", File.ReadAllText(Path.Combine(Spare, "page.html")));
    }

    [Fact]
    public void AFirstSiteLeavesASpareOfLinksToItsFiles()
    {
        using (var output = new SiteOutput(Site, Spare))
        {
            output.Write("index.html", "home"u8);
            output.Write("a/index.html", "a"u8);
            output.RemoveStale();
            output.Commit();
        }

        Assert.Equal(Files(Site), Files(Spare));
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            // The same file, not a copy: a change to the site's is the spare's (no build ever writes through one).
            File.AppendAllText(Path.Combine(Site, "a", "index.html"), "!");
            Assert.Equal("a!", File.ReadAllText(Path.Combine(Spare, "a", "index.html")));
        }

        // The next build starts from it: what it keeps stays, what it writes replaces the link, never the site's file.
        using (var output = new SiteOutput(Site, Spare))
        {
            output.Link("index.html", Path.Combine(Site, "index.html"), Stat(Path.Combine(Site, "index.html")));
            output.Write("a/index.html", "a2"u8);
            Assert.Equal("a!", File.ReadAllText(Path.Combine(Site, "a", "index.html")));
            output.RemoveStale();
            output.Commit();
        }

        Assert.Equal(new Dictionary<string, string> { ["a/index.html"] = "a2", ["index.html"] = "home" }, Files(Site));
    }

    [Fact]
    public void ASpareThatCannotBeLinkedWholeIsNotKept()
    {
        _dir.Write("site/index.html", "home");
        // A link that fails (a file gone, another file system, no links at all): no spare rather than part of one.
        Assert.False(SpareSite.Mirror(Site, Spare, ["index.html", "gone/index.html"]));
        Assert.False(Directory.Exists(Spare));
        Assert.Equal("home", File.ReadAllText(Path.Combine(Site, "index.html")));
    }

    private static void Build(SiteGen.Config.SiteConfig config)
    {
        var result = new SiteGen.Build.SiteBuilder(TimeProvider.System) { LockNotices = TextWriter.Null }.Build(config);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    private static (long, long) Stat(string path)
    {
        var info = new FileInfo(path);
        return (info.Length, info.LastWriteTimeUtc.Ticks);
    }

    private static void Link(string existing, string link)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        using var process = System.Diagnostics.Process.Start("ln", [existing, link])!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static SortedDictionary<string, string> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);
}
