using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>
/// Colours and a live stage display only on a terminal; plain lines without escape codes when piped;
/// nothing but diagnostics under --quiet. The real process, piped and under a pseudo-terminal.
/// </summary>
public sealed class OutputTests
{
    private const char Escape = '\u001b';

    private static string[] Build(TempDir dir, params string[] extra) =>
    [
        "build", "--seeds", dir.Combine("seeds"), "--content", dir.Combine("content"), "--templates", RepoPaths.Templates,
        "--out", dir.Combine("site"), "--config", dir.Combine("sitegen.yml"), .. extra,
    ];

    [Fact]
    public void PipedBuildPrintsOnePlainLinePerStageAndNoEscapeCode()
    {
        using var site = TestSites.Create();
        var run = SiteGenProcess.Run(site.Path, null, Build(site));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.DoesNotContain(Escape, run.Stdout + run.Stderr);
        var lines = run.Stdout.ReplaceLineEndings("\n").Split('\n');
        foreach (var stage in new[] { "import", "render", "write", "check", "swap" })
        {
            Assert.Contains(lines, l => l.TrimStart().StartsWith(stage + " ", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.StartsWith("built ", StringComparison.Ordinal));
    }

    [Fact]
    public void QuietPrintsOnlyDiagnostics()
    {
        using var site = TestSites.Create();
        site.Write("content/broken.md", "no front matter\n");
        var run = SiteGenProcess.Run(site.Path, null, Build(site, "--quiet"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Contains("warning SG0202", run.Stderr);
    }

    [Fact]
    public void OnATerminalTheBuildShowsALiveStageListInColour()
    {
        using var site = TestSites.Create();
        var run = SiteGenProcess.RunInTerminal(site.Path, null, Build(site));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains(Escape, run.Stdout);
        // Spectre's live display redraws: cursor up (ESC [ n A) over the list, a finished stage ticked.
        Assert.Matches("\u001b\\[\\d+A", run.Stdout);
        Assert.Contains("✓", run.Stdout);
        foreach (var stage in new[] { "import", "render", "search" })
        {
            Assert.Contains(stage, run.Stdout);
        }

        Assert.Contains("built", run.Stdout);
        Assert.True(File.Exists(site.Combine("site", "index.html")));
    }

    [Fact]
    public void OnATerminalQuietShowsNoProgress()
    {
        using var site = TestSites.Create();
        var run = SiteGenProcess.RunInTerminal(site.Path, null, Build(site, "--quiet"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.DoesNotContain("render", run.Stdout);
        Assert.DoesNotContain("built", run.Stdout);
    }

    [Fact]
    public async Task StageListenerHearsEveryStageOfBuildsOnItsOwnFlowOnly()
    {
        using var site = TestSites.Create();
        var config = new SiteConfig
        {
            ContentDir = site.Combine("content"), SeedsDir = site.Combine("seeds"), TemplatesDir = RepoPaths.Templates,
            OutputDir = site.Combine("site"), CacheDir = site.Combine("cache"),
        };
        var heard = new Recorder();
        BuildResult result;
        using (StageTimer.Listen(heard))
        {
            // A build on an unrelated flow (a parallel test, another session) is not this listener's.
            Task<BuildResult> other;
            using (ExecutionContext.SuppressFlow())
            {
                other = Task.Run(() => new SiteBuilder(TimeProvider.System).Build(
                    config with { OutputDir = site.Combine("other"), CacheDir = site.Combine("cache2") }));
            }

            result = new SiteBuilder(TimeProvider.System).Build(config);
            Assert.True((await other).Succeeded);
        }

        Assert.True(result.Succeeded);
        Assert.Single(heard.Events, "+import");
        Assert.Equal(
            result.StageMilliseconds.Keys.Order(StringComparer.Ordinal),
            heard.Events.Where(e => e.StartsWith('+')).Select(e => e[1..]).Distinct().Order(StringComparer.Ordinal));
        // Every stage ends before the next starts, in the order they ran.
        for (var i = 0; i < heard.Events.Count; i += 2)
        {
            Assert.Equal("+" + heard.Events[i + 1][1..], heard.Events[i]);
            Assert.StartsWith("-", heard.Events[i + 1]);
        }

        var count = heard.Events.Count;
        Assert.True(new SiteBuilder(TimeProvider.System).Build(config).Succeeded);
        Assert.Equal(count, heard.Events.Count);
    }

    private sealed class Recorder : IStageListener
    {
        public List<string> Events { get; } = [];

        public void Started(string stage) => Events.Add("+" + stage);

        public void Finished(string stage, long milliseconds) => Events.Add("-" + stage);
    }
}
