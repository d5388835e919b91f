using SiteGen.Publish;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

public sealed class SiteOutputTests
{
    [Fact]
    public void CommitReplacesTheOldSiteWhole()
    {
        using var dir = new TempDir();
        var site = dir.Combine("site");
        dir.Write("site/old.html", "old");
        using (var output = new SiteOutput(site))
        {
            output.Write("index.html", "new");
            output.Commit();
        }

        Assert.Equal(["index.html"], Directory.GetFiles(site).Select(Path.GetFileName));
        Assert.Single(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void UncommittedOutputLeavesTheOldSiteAndNoLeftovers()
    {
        using var dir = new TempDir();
        var site = dir.Combine("site");
        dir.Write("site/index.html", "old");
        using (var output = new SiteOutput(site))
        {
            output.Write("index.html", "half");
        }

        Assert.Equal("old", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Single(Directory.GetDirectories(dir.Path));
    }
}
