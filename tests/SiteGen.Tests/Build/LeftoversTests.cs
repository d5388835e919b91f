using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>What killed builds leave is removed by the next build; only what matches their names is touched.</summary>
public sealed class LeftoversTests
{
    private static SiteConfig Config(TempDir dir) => new()
    {
        ContentDir = dir.Combine("content"),
        OutputDir = dir.Combine("site"),
        CacheDir = dir.Combine("cache"),
    };

    [Fact]
    public void RemovesStagingAndOldFoldersAndTemporaryFilesOnly()
    {
        using var dir = new TempDir();
        dir.Write("site/index.html", "current");
        dir.Write($"site.staging-123-{Guid.NewGuid():N}/index.html", "half");
        dir.Write($"site.old-456-{Guid.NewGuid():N}/index.html", "old");
        dir.Write("site.backup/index.html", "the user's");
        dir.Write("sitemap/keep.txt", "the user's");
        dir.Write($"content/.page.md.{Guid.NewGuid():N}.tmp", "half a page");
        dir.Write($"content/.page.{Guid.NewGuid():N}.tmp", "half a page, older writer");
        dir.Write("content/page.md", "page");
        dir.Write("content/notes.tmp", "the user's");
        dir.Write($"cache/katex-0123456789abcdef.json.789.{Guid.NewGuid():N}.tmp", "half a cache");
        dir.Write("cache/katex-0123456789abcdef.json", "{}");

        var bag = new DiagnosticBag();
        Leftovers.Remove(Config(dir), bag);

        Assert.Empty(bag.Snapshot());
        Assert.Equal(["cache", "content", "site", "site.backup", "sitemap"],
            Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["notes.tmp", "page.md"], Directory.GetFiles(dir.Combine("content")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["katex-0123456789abcdef.json"], Directory.GetFiles(dir.Combine("cache")).Select(Path.GetFileName));
        Assert.Equal("current", File.ReadAllText(dir.Combine("site", "index.html")));
    }

    [Fact]
    public void SiteMissingAfterAKilledTwoRenameSwapIsPutBack()
    {
        // Without an atomic exchange the swap is two renames; a kill between them leaves only site.old-….
        using var dir = new TempDir();
        dir.Write($"site.old-456-{Guid.NewGuid():N}/index.html", "last complete site");
        dir.Write($"site.staging-456-{Guid.NewGuid():N}/index.html", "new, maybe complete");

        Leftovers.Remove(Config(dir), new DiagnosticBag());

        Assert.Equal("last complete site", File.ReadAllText(dir.Combine("site", "index.html")));
        Assert.Equal(["site"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void NothingToDoWhenNothingExists()
    {
        using var dir = new TempDir();
        var bag = new DiagnosticBag();
        Leftovers.Remove(Config(dir), bag);
        Assert.Empty(bag.Snapshot());
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
