using SiteGen.Deploy;
using SiteGen.Diagnostics;
using SiteGen.Tests.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Deploy;

/// <summary><c>deploy --to</c>: the target ends equal to the site, only changed files are written, nothing outside it is touched.</summary>
public sealed class MirrorFolderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public MirrorFolderTests()
    {
        _dir.Write("site/index.html", "<h1>home</h1>");
        _dir.Write("site/assets/site.css", "body{}");
        _dir.Write("site/articles/a/index.html", "<p>a</p>");
        _dir.Write("site/articles/b/index.html", "<p>b</p>");
    }

    private string Site => _dir.Combine("site");

    private string Www => _dir.Combine("www");

    public void Dispose() => _dir.Dispose();

    private MirrorResult Mirror(bool force = false, bool dryRun = false)
    {
        var diagnostics = new DiagnosticBag();
        var result = new MirrorFolder(dryRun).Run(Site, Www, force, diagnostics);
        Assert.True(result is not null, string.Join("\n", diagnostics.Snapshot()));
        return result;
    }

    private IReadOnlyList<Diagnostic> Refused(string target, bool force = false)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(new MirrorFolder(dryRun: false).Run(Site, target, force, diagnostics));
        return diagnostics.Snapshot();
    }

    private void AssertMirrored() =>
        Assert.Equal(TestSites.Files(Site), TestSites.Files(Www, MirrorFolder.Marker, ".git"));

    [Fact]
    public void FirstDeployCopiesEverythingAndMarksTheFolder()
    {
        var result = Mirror();
        Assert.Equal((4, 0, 0), (result.Copied, result.Deleted, result.Unchanged));
        AssertMirrored();
        Assert.True(File.Exists(Path.Combine(Www, MirrorFolder.Marker)));
        Assert.Empty(Directory.EnumerateFiles(Www, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void ASecondDeployWritesOnlyWhatChangedEvenAtTheSameLength()
    {
        Mirror();
        var untouched = Path.Combine(Www, "articles", "a", "index.html");
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(untouched, stamp);
        File.SetLastWriteTimeUtc(Path.Combine(Www, "articles", "b", "index.html"), stamp);
        // Same length, different bytes: a size check alone would miss it.
        _dir.Write("site/articles/b/index.html", "<p>B</p>");
        var result = Mirror();
        Assert.Equal((1, 0, 3), (result.Copied, result.Deleted, result.Unchanged));
        Assert.Equal(["~ articles/b/index.html"], result.Changes);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(untouched));
        AssertMirrored();
    }

    [Fact]
    public void WhatTheSiteNoLongerHasIsDeletedWithItsFolders()
    {
        Mirror();
        Directory.Delete(_dir.Combine("site", "articles", "b"), recursive: true);
        var result = Mirror();
        Assert.Equal((0, 1, 3), (result.Copied, result.Deleted, result.Unchanged));
        Assert.False(Directory.Exists(Path.Combine(Www, "articles", "b")));
        AssertMirrored();
    }

    [Fact]
    public void AFileThatBecameAFolderAndAFolderThatBecameAFileAreReplaced()
    {
        Mirror();
        File.Delete(_dir.Combine("site", "assets", "site.css"));
        _dir.Write("site/assets/site.css/x.css", "a{}");
        Directory.Delete(_dir.Combine("site", "articles", "a"), recursive: true);
        _dir.Write("site/articles/a", "now a file");
        Mirror();
        AssertMirrored();
    }

    [Fact]
    public void ADryRunListsTheChangesAndWritesNothing()
    {
        Mirror();
        _dir.Write("site/new.html", "new");
        File.Delete(_dir.Combine("site", "assets", "site.css"));
        var before = TestSites.Files(Www);
        var result = Mirror(dryRun: true);
        Assert.Equal(["- assets/site.css", "+ new.html"], result.Changes);
        Assert.Equal(before, TestSites.Files(Www));
    }

    [Fact]
    public void ANonEmptyFolderSiteGenDidNotDeployToIsRefusedUnlessForced()
    {
        _dir.Write("www/precious.txt", "mine");
        var refused = Refused(Www);
        Assert.Equal("SG0904", Assert.Single(refused).Code);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Www, "precious.txt")));
        Assert.False(File.Exists(Path.Combine(Www, "index.html")));

        Assert.NotNull(new MirrorFolder(false).Run(Site, Www, force: true, new DiagnosticBag()));
        Assert.False(File.Exists(Path.Combine(Www, "precious.txt")));
        AssertMirrored();
    }

    [Fact]
    public void AGitCheckoutAsTargetKeepsItsGitFolder()
    {
        _dir.Write("www/.git/HEAD", "ref: refs/heads/main\n");
        Mirror();
        AssertMirrored();
        Assert.Equal("ref: refs/heads/main\n", File.ReadAllText(Path.Combine(Www, ".git", "HEAD")));
    }

    [Fact]
    public void TheSiteItselfAFolderInsideItOrAFolderHoldingItIsRefused()
    {
        _dir.Write("keep.txt", "sources");
        foreach (var target in new[] { Site, Path.Combine(Site, "articles"), Path.Combine(Site, "new"), _dir.Path, Site + "/." })
        {
            var refused = Refused(target, force: true);
            Assert.Equal("SG0903", Assert.Single(refused).Code);
        }

        Assert.Equal("sources", File.ReadAllText(_dir.Combine("keep.txt")));
        Assert.Equal(4, TestSites.Files(Site).Count);
    }

    [Fact]
    public void ALinkToTheSiteIsTheSiteToo()
    {
        var alias = _dir.Combine("alias");
        Directory.CreateSymbolicLink(alias, Site);
        Assert.Equal("SG0903", Assert.Single(Refused(alias, force: true)).Code);
        Assert.Equal("SG0903", Assert.Single(Refused(Path.Combine(alias, "articles"), force: true)).Code);
        Assert.Equal(4, TestSites.Files(Site).Count);
    }

    [Fact]
    public void LinksInTheTargetAreReplacedOrRemovedNeverFollowed()
    {
        _dir.Write("outside/assets/site.css", "outside's own");
        _dir.Write("outside/old/page.html", "outside's page");
        _dir.Write("www/.sitegen-deploy", "");
        Directory.CreateSymbolicLink(Path.Combine(Www, "assets"), _dir.Combine("outside", "assets"));
        Directory.CreateSymbolicLink(Path.Combine(Www, "old"), _dir.Combine("outside", "old"));
        _dir.Write("www/gone/deep.html", "gone");
        Directory.CreateSymbolicLink(Path.Combine(Www, "gone", "link"), _dir.Combine("outside"));
        File.CreateSymbolicLink(Path.Combine(Www, "index.html"), _dir.Combine("outside", "old", "page.html"));

        Mirror();

        AssertMirrored();
        Assert.Null(new DirectoryInfo(Path.Combine(Www, "assets")).LinkTarget);
        Assert.Equal("outside's own", File.ReadAllText(_dir.Combine("outside", "assets", "site.css")));
        Assert.Equal("outside's page", File.ReadAllText(_dir.Combine("outside", "old", "page.html")));
        Assert.False(Directory.Exists(Path.Combine(Www, "gone")));
        Assert.Equal(["assets/site.css", "old/page.html"], TestSites.Files(_dir.Combine("outside")).Keys);
    }

    [Fact]
    public void ALinkInTheSiteIsLeftOutWithAWarning()
    {
        _dir.Write("secret.txt", "not for the web");
        File.CreateSymbolicLink(_dir.Combine("site", "leak.txt"), _dir.Combine("secret.txt"));
        var diagnostics = new DiagnosticBag();
        var result = new MirrorFolder(false).Run(Site, Www, false, diagnostics);
        Assert.NotNull(result);
        var warning = Assert.Single(diagnostics.Snapshot());
        Assert.Equal(("SG0905", Severity.Warning), (warning.Code, warning.Severity));
        Assert.False(File.Exists(Path.Combine(Www, "leak.txt")));
    }
}
