using SiteGen.Build;
using SiteGen.Common;
using SiteGen.Config;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// The build state kept between builds never yields a wrong site: a state file that is damaged, cut short or
/// written by another SiteGen, or a stored body whose bytes changed, is discarded with a note and the site is
/// what a clean build gives; <c>--clean</c> ignores the state.
/// </summary>
public sealed class BuildStateTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SiteConfig _config;

    public BuildStateTests()
    {
        _config = new SiteConfig
        {
            SeedsDir = _dir.Combine("seeds"),
            ContentDir = _dir.Combine("content"),
            TemplatesDir = _dir.Combine("templates"),
            OutputDir = _dir.Combine("site"),
            CacheDir = _dir.Combine(".cache"),
            StaticDir = _dir.Combine("static"),
            ConfigFile = _dir.Combine("sitegen.yml"),
        };
        Directory.CreateDirectory(_config.SeedsDir);
        _dir.Write("content/a.md", "---\ntitle: 甲\nslug: a\ndate: 2026-01-02\n---\n## 方法\n\n公式 $x^2$ 与正文。\n");
        _dir.Write("content/b.md", "---\ntitle: 乙\nslug: b\ndate: 2026-01-01\n---\n见 [甲](a.md#方法)。\n");
        var first = Build();
        Assert.Null(first.StateNote);
        Assert.True(File.Exists(StateFile));
    }

    private string StateFile => Path.Combine(_config.CacheDir, BuildState.FileName);

    [Fact]
    public void AnUnchangedSiteInANewSessionRendersNothingAndWritesNothing()
    {
        var saved = File.GetLastWriteTimeUtc(StateFile);
        var bytes = File.ReadAllBytes(StateFile);
        var result = Build();
        // Not even the state is written again.
        Assert.Equal(saved, File.GetLastWriteTimeUtc(StateFile));
        Assert.Equal(bytes, File.ReadAllBytes(StateFile));
        Assert.Null(result.StateNote);
        Assert.Equal(0, result.Formulas);
        Assert.Equal(0, result.FilesWritten);
        Assert.False(result.StageMilliseconds.ContainsKey("swap"));
    }

    [Fact]
    public void ADamagedStateFileIsDiscardedWithANote()
    {
        var bytes = File.ReadAllBytes(StateFile);
        bytes[^10] ^= 0x5A;
        File.WriteAllBytes(StateFile, bytes);
        AssertDiscarded(Build(), "damaged");
    }

    [Fact]
    public void AStateFileCutShortIsDiscardedWithANote()
    {
        var bytes = File.ReadAllBytes(StateFile);
        File.WriteAllBytes(StateFile, bytes[..(bytes.Length / 2)]);
        AssertDiscarded(Build(), "cut short");
    }

    [Fact]
    public void AStateFileOfAnotherVersionIsDiscardedWithANote()
    {
        var bytes = File.ReadAllBytes(StateFile);
        var version = System.Text.Encoding.UTF8.GetBytes(SiteVersion.Id);
        var at = bytes.AsSpan().IndexOf(version);
        Assert.True(at > 0);
        bytes[at] = (byte)(bytes[at] == (byte)'0' ? '1' : '0');
        File.WriteAllBytes(StateFile, bytes);
        AssertDiscarded(Build(), "another version");
    }

    [Fact]
    public void SomethingElseInThePlaceOfTheStateIsDiscardedWithANote()
    {
        File.WriteAllText(StateFile, "not a state");
        AssertDiscarded(Build(), "not a SiteGen build state");
    }

    [Fact]
    public void AStoredBodyWhoseBytesChangedIsNeverUsed()
    {
        var pack = Directory.EnumerateFiles(Path.Combine(_config.CacheDir, "bodies"), "*.pack").Single();
        var bytes = File.ReadAllBytes(pack);
        var at = bytes.AsSpan().IndexOf("<p>"u8);
        Assert.True(at >= 0);
        bytes[at + 1] = (byte)'b';
        File.WriteAllBytes(pack, bytes);
        // A template change makes every article page read its stored body again.
        Directory.CreateDirectory(_config.TemplatesDir);
        _dir.Write("templates/pages/article.sbn-html",
            File.ReadAllText(Path.Combine(RepoPaths.Templates, "pages", "article.sbn-html")) + "<!-- changed -->\n");
        var result = Build();
        Assert.NotNull(result.StateNote);
        Assert.Contains("damaged", result.StateNote, StringComparison.Ordinal);
        AssertLikeACleanBuild();
    }

    [Fact]
    public void CleanIgnoresTheState()
    {
        var result = new SiteBuilder(TimeProvider.System) { LockNotices = TextWriter.Null }.Build(_config with { Clean = true });
        Assert.True(result.Succeeded);
        Assert.Null(result.StateNote);
        Assert.True(result.Formulas > 0);
        Assert.Equal(0, result.FilesWritten);
        AssertLikeACleanBuild();
    }

    /// <summary>
    /// The state is read in sections at once, in a pause of garbage collection that is process-wide: several reads at
    /// once (tests, one process serving two sites) must each get the whole state, whichever gets the pause.
    /// </summary>
    [Fact]
    public void StatesReadAtTheSameTimeAreEachReadWhole()
    {
        Build();
        var cache = Path.GetFullPath(_config.CacheDir);
        var states = new BuildState[8];
        Parallel.For(0, states.Length, i => states[i] = BuildState.Open(cache));
        var first = states[0];
        Assert.NotEmpty(first.Bodies);
        Assert.NotEmpty(first.Pages);
        Assert.NotNull(first.Output);
        foreach (var state in states)
        {
            Assert.Null(state.Note);
            Assert.Equal(first.Bodies.Keys.Order(StringComparer.Ordinal), state.Bodies.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(first.Pages.Keys.Order(StringComparer.Ordinal), state.Pages.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(first.Output!.Files.Count, state.Output!.Files.Count);
            Assert.Equal(first.BandKeys.Count, state.BandKeys.Count);
        }

        Assert.NotEqual(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
    }

    public void Dispose() => _dir.Dispose();

    private void AssertDiscarded(BuildResult result, string why)
    {
        Assert.NotNull(result.StateNote);
        Assert.Contains(why, result.StateNote, StringComparison.Ordinal);
        Assert.Contains("discarded", result.StateNote, StringComparison.Ordinal);
        Assert.True(result.Formulas > 0, "the build started from scratch");
        AssertLikeACleanBuild();
        // The next build trusts the state it just wrote.
        Assert.Null(Build().StateNote);
    }

    private void AssertLikeACleanBuild()
    {
        using var clean = new TempDir();
        foreach (var file in Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetRelativePath(_dir.Path, f).Split('/')[0] is not ("site" or ".cache")))
        {
            var target = clean.Combine(Path.GetRelativePath(_dir.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var config = _config with
        {
            SeedsDir = clean.Combine("seeds"),
            ContentDir = clean.Combine("content"),
            TemplatesDir = clean.Combine("templates"),
            OutputDir = clean.Combine("site"),
            CacheDir = clean.Combine(".cache"),
            StaticDir = clean.Combine("static"),
        };
        Directory.CreateDirectory(config.SeedsDir);
        Assert.True(new SiteBuilder(TimeProvider.System).Build(config).Succeeded);
        var expected = FolderSnapshot.Take(config.OutputDir);
        var actual = FolderSnapshot.Take(_config.OutputDir);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, kv => Assert.Equal(kv.Value, actual[kv.Key]));
    }

    private BuildResult Build()
    {
        var result = new SiteBuilder(TimeProvider.System) { LockNotices = TextWriter.Null }.Build(_config);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }
}
