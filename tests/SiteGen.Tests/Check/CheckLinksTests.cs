using SiteGen.Check;
using SiteGen.Diagnostics;
using SiteGen.Tests.Publish;

namespace SiteGen.Tests.Check;

/// <summary>Hand-written sites under <c>TestFiles/Sites</c>: each invalid case lists its diagnostics in <c>expected.txt</c>.</summary>
public sealed class CheckLinksTests
{
    private const string BasePath = "/docs/";

    private static string Sites => Path.Combine(TestSite.TestFiles, "Sites");

    public static TheoryData<string> InvalidCases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Sites, "invalid")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    private static (IReadOnlyList<Diagnostic> Diagnostics, CheckLinksResult Result) Check(string siteDir)
    {
        var diagnostics = new DiagnosticBag();
        var result = new CheckLinks(BasePath).Run(siteDir, "site", diagnostics);
        return (diagnostics.Snapshot(), result);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void InvalidSiteReportsEachBrokenLinkWithFileAndLine(string name)
    {
        var dir = Path.Combine(Sites, "invalid", name);
        var (diagnostics, result) = Check(Path.Combine(dir, "html"));
        var expected = File.ReadAllLines(Path.Combine(dir, "expected.txt")).Where(l => l.Length > 0);
        Assert.Equal(expected, diagnostics.Select(d => d.ToString()));
        Assert.Equal(diagnostics.Count, result.Broken);
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void EncodedUnencodedFolderQueryAndExternalLinksAreFine()
    {
        var (diagnostics, result) = Check(Path.Combine(Sites, "valid-links", "html"));
        Assert.Empty(diagnostics);
        Assert.Equal(3, result.Pages);
    }

    [Fact]
    public void MissingSiteFolderIsAnError()
    {
        var (diagnostics, _) = Check(Path.Combine(Sites, "does-not-exist"));
        Assert.Equal("SG0600", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void BuiltFixtureSiteAtTheRootIsClean()
    {
        var (site, result) = TestSite.Build(TestSite.ValidContent, "/");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("SG06", StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();
        new CheckLinks("/").Run(site, "site", diagnostics);
        Assert.Empty(diagnostics.Snapshot());
    }
}
