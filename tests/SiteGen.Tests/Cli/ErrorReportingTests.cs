using SiteGen.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>What a user sees when something goes wrong: located diagnostics, or one clear line; a stack trace only with --verbose.</summary>
[Collection("Processes")]
public sealed class ErrorReportingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static TempDir Site()
    {
        var dir = new TempDir();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var target = dir.Combine("templates", Path.GetRelativePath(RepoPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(dir.Combine("seeds"));
        dir.Write("content/page.md", "---\ntitle: 页面\n---\n正文。\n");
        return dir;
    }

    [Fact]
    public void YamlSlipInSitegenYmlIsOneLocatedErrorAndExit1()
    {
        using var dir = Site();
        dir.Write("sitegen.yml", "title: [unclosed\nbase_url: /\n");
        using var build = KillableSitegen.Start(dir.Path, null, "build");
        Assert.Equal(1, build.WaitForExit(Limit));
        var line = Assert.Single(build.Stderr.Split('\n'), l => l.Length > 0);
        Assert.StartsWith("sitegen.yml(1,8): error SG0502: invalid YAML: the '[' here is never closed", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", build.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalErrorIsOneLineAndExit1()
    {
        using var dir = Site();
        using var build = KillableSitegen.Start(dir.Path, "fail:render", "build");
        Assert.Equal(1, build.WaitForExit(Limit));
        var line = Assert.Single(build.Stderr.Split('\n'), l => l.Length > 0);
        Assert.Equal("sitegen: error SG0700: internal error (InvalidOperationException: test fault at render (SITEGEN_PAUSE_AT)); " +
            "this is a bug in SiteGen, please report it with the output of the same command run with --verbose", line);
    }

    [Fact]
    public void VerboseAddsTheStackTrace()
    {
        using var dir = Site();
        using var build = KillableSitegen.Start(dir.Path, "fail:render", "build", "--verbose");
        Assert.Equal(1, build.WaitForExit(Limit));
        Assert.StartsWith("sitegen: error SG0700: internal error (InvalidOperationException", build.Stderr, StringComparison.Ordinal);
        Assert.Contains("at SiteGen.Common.PausePoint.Reached", build.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FileSystemFailureSaysWhatToCheck()
    {
        var errors = new StringWriter();
        Assert.Equal(1, InternalError.Report(new AggregateException(new IOException("No space left on device")), verbose: false, errors));
        Assert.Equal("sitegen: error SG0701: No space left on device; check the folder's permissions and free space\n", errors.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AFileWhereTheSiteFolderShouldBeIsALocatedErrorAndNothingIsLost()
    {
        using var dir = Site();
        dir.Write("site", "not a folder");
        using var build = KillableSitegen.Start(dir.Path, null, "build");
        Assert.Equal(1, build.WaitForExit(Limit));
        Assert.Contains("site: error SG0701: cannot write the site:", build.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", build.Stderr, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(dir.Combine("site")));
        Assert.Equal(["content", "seeds", "templates"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal));
    }
}
