namespace SiteGen.Tests.Cli;

/// <summary>A site without scheme and host in its base URL gets one warning (SG0510) with the fix, from build and deploy.</summary>
[Collection("Console")]
public sealed class PublishingHostTests
{
    private const string RelativeBase = "title: 测试\n# where it is published\nbase_url: /notes/\n";

    [Fact]
    public void BuildWithAPathOnlyBaseUrlWarnsOnceAtTheSettingWithTheFix()
    {
        using var site = TestSites.Create(RelativeBase);
        var run = CliRun.Run(TestSites.BuildArgs(site));
        Assert.True(run.Exit == 0, run.ToString());
        var warnings = run.Stderr.Split('\n').Where(l => l.Contains("SG0510", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.StartsWith(site.Combine("sitegen.yml") + "(3,11): warning SG0510: ", warning);
        Assert.Contains("base_url: https://your-host/notes/", warning);
        Assert.Contains("1 warning(s)", run.Stdout);
    }

    [Fact]
    public void BuildWithAnAbsoluteBaseUrlDoesNotWarn()
    {
        using var site = TestSites.Create();
        var run = CliRun.Run(TestSites.BuildArgs(site));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.DoesNotContain("SG0510", run.Stderr);
    }

    [Fact]
    public void TheFlagCanSupplyTheHost()
    {
        using var site = TestSites.Create(RelativeBase);
        var run = CliRun.Run(TestSites.BuildArgs(site, "--base-url", "https://example.net/notes/"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.DoesNotContain("SG0510", run.Stderr);
        Assert.Contains("https://example.net/notes/articles/alpha/", File.ReadAllText(site.Combine("site", "atom.xml")));
    }

    [Fact]
    public void StrictRefusesToBuildASiteWithoutHostAndKeepsThePreviousOne()
    {
        using var site = TestSites.Create(RelativeBase);
        var run = CliRun.Run(TestSites.BuildArgs(site, "--strict"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("SG0510", run.Stderr);
        Assert.False(Directory.Exists(site.Combine("site")));
    }

    [Fact]
    public void DeployWarnsOnceToo()
    {
        using var site = TestSites.Create(RelativeBase);
        TestSites.Build(site);
        var run = CliRun.Run(TestSites.DeployArgs(site, "--to", site.Combine("www")));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Single(run.Stderr.Split('\n'), l => l.Contains("warning SG0510", StringComparison.Ordinal));
    }
}
