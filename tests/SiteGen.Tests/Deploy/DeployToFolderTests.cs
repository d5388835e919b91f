using SiteGen.Deploy;
using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Deploy;

/// <summary><c>sitegen deploy --to DIR</c> end to end: a built site, its link check, the mirror.</summary>
[Collection("Console")]
public sealed class DeployToFolderTests
{
    [Fact]
    public void DeployMirrorsTheBuiltSiteAndADeletedPageDisappears()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var www = site.Combine("www");
        var first = CliRun.Run(TestSites.DeployArgs(site, "--to", www));
        Assert.True(first.Exit == 0, first.ToString());
        Assert.Contains(": 0 broken", first.Stdout);
        Assert.Contains($"deployed {site.Combine("site")} to {www}: ", first.Stdout);
        Assert.Equal(TestSites.Files(site.Combine("site")), TestSites.Files(www, MirrorFolder.Marker));

        File.Delete(site.Combine("content", "gamma.md"));
        TestSites.Build(site);
        var second = CliRun.Run(TestSites.DeployArgs(site, "--to", www));
        Assert.True(second.Exit == 0, second.ToString());
        Assert.False(Directory.Exists(Path.Combine(www, "articles", "gamma")));
        Assert.Equal(TestSites.Files(site.Combine("site")), TestSites.Files(www, MirrorFolder.Marker));
    }

    [Fact]
    public void BrokenInternalLinksRefuseTheDeployUnlessForced()
    {
        using var site = TestSites.Create();
        site.Write("content/delta.md", "---\ntitle: 第四篇\nslug: delta\n---\n见 [不存在](../no-such-page/)。\n");
        TestSites.Build(site);
        var www = site.Combine("www");
        var refused = CliRun.Run(TestSites.DeployArgs(site, "--to", www));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("warning SG0601", refused.Stderr);
        Assert.Contains("error SG0902", refused.Stderr);
        Assert.False(Directory.Exists(www));

        var forced = CliRun.Run(TestSites.DeployArgs(site, "--to", www, "--force"));
        Assert.True(forced.Exit == 0, forced.ToString());
        Assert.True(File.Exists(Path.Combine(www, "articles", "delta", "index.html")));
    }

    [Fact]
    public void ABrokenSitegenYmlIsABuildFailureNotBadUsage()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        File.WriteAllText(site.Combine("sitegen.yml"), "title: [unclosed\n");
        var run = CliRun.Run(TestSites.DeployArgs(site, "--to", site.Combine("www")));
        Assert.Equal(1, run.Exit);
        Assert.Contains("sitegen.yml(1,8): error SG0502", run.Stderr);
        Assert.False(Directory.Exists(site.Combine("www")));
    }

    [Fact]
    public void DeployBeforeABuildSaysToBuildFirst()
    {
        using var site = TestSites.Create();
        var run = CliRun.Run(TestSites.DeployArgs(site, "--to", site.Combine("www")));
        Assert.Equal(1, run.Exit);
        Assert.Contains("error SG0901", run.Stderr);
        Assert.Contains("sitegen build", run.Stderr);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DeployNeedsExactlyOneDestination(bool both)
    {
        using var site = TestSites.Create();
        var run = both
            ? CliRun.Run(TestSites.DeployArgs(site, "--to", site.Combine("www"), "--git", site.Combine("repo.git")))
            : CliRun.Run(TestSites.DeployArgs(site));
        Assert.Equal(2, run.Exit);
        Assert.Contains("error SG0900", run.Stderr);
    }

    [Fact]
    public void TheProjectFolderIsRefusedBeforeAnythingIsChecked()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var run = CliRun.Run(TestSites.DeployArgs(site, "--to", site.Path, "--force"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("error SG0903", run.Stderr);
        Assert.DoesNotContain("checked", run.Stdout);
        Assert.True(File.Exists(site.Combine("content", "alpha.md")));
    }

    [Fact]
    public void InitsPlaceholderBaseUrlIsFlaggedOnDeploy()
    {
        using var site = TestSites.Create("title: t\nbase_url: https://example.org/\n");
        TestSites.Build(site);
        var run = CliRun.Run(TestSites.DeployArgs(site, "--to", site.Combine("www")));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("sitegen.yml(2,11): warning SG0910", run.Stderr);
    }
}
