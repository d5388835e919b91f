using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Build;

/// <summary>
/// Crash safety with real processes: a <c>sitegen build</c> is SIGKILLed at named points (SITEGEN_PAUSE_AT,
/// see Common/PausePoint) while it turns the old site (4 feeds) into the new one (5 feeds). At the kill,
/// <c>site/</c> must be the old complete site or the new one; the next build must succeed, remove every
/// leftover, and produce exactly what an uninterrupted build produces; while it swaps, samples of
/// <c>site/</c> taken through an open folder handle must each be the old or the new site, never a mix.
/// </summary>
[Collection("Processes")]
public sealed class KillTests(KillTests.Sites sites, ITestOutputHelper output) : IClassFixture<KillTests.Sites>
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>The old state (after building 4 feeds) and what building all 5 on top of it gives.</summary>
    public sealed class Sites : IDisposable
    {
        public Sites()
        {
            Copy(RepoPaths.Templates, Old.Combine("templates"));
            Directory.CreateDirectory(Old.Combine("seeds"));
            var feeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
            foreach (var feed in feeds.Take(feeds.Count - 1))
            {
                File.Copy(feed, Old.Combine("seeds", Path.GetFileName(feed)));
            }

            LastFeed = feeds[^1];
            Build(Old.Path);
            OldSite = FolderSnapshot.Take(Old.Combine("site"));

            using var reference = new TempDir();
            CopyState(Old.Path, reference.Path);
            Build(reference.Path);
            NewSite = FolderSnapshot.Take(reference.Combine("site"));
            NewContent = FolderSnapshot.Take(reference.Combine("content"));
            Assert.False(FolderSnapshot.Same(OldSite, NewSite), "the two builds must differ for the test to mean anything");
        }

        public TempDir Old { get; } = new();

        public string LastFeed { get; }

        public Dictionary<string, string> OldSite { get; }

        public Dictionary<string, string> NewSite { get; }

        public Dictionary<string, string> NewContent { get; }

        /// <summary>A fresh copy of the old state with the fifth feed added: the input of the build to kill.</summary>
        public void CopyState(string from, string to)
        {
            Copy(from, to);
            File.Copy(LastFeed, Path.Combine(to, "seeds", Path.GetFileName(LastFeed)), overwrite: true);
        }

        public void Dispose() => Old.Dispose();

        private static void Build(string dir)
        {
            using var build = KillableSitegen.Start(dir, null, "build");
            Assert.True(build.WaitForExit(Limit) == 0, build.Stderr);
        }
    }

    [Theory]
    [InlineData("atomic-write", false)] // import: a page's temporary file written, not yet renamed
    [InlineData("render", false)]       // Markdown and KaTeX: one page rendered
    [InlineData("write", false)]        // publish: one file in the staging folder
    [InlineData("commit", false)]       // staging complete, not swapped in
    [InlineData("swap", true)]          // swapped, the old site not yet deleted
    public void KilledBuildLeavesOldOrNewSiteAndTheNextBuildCleansUp(string point, bool newSiteAtKill)
    {
        using var dir = new TempDir();
        sites.CopyState(sites.Old.Path, dir.Path);

        using (var killed = KillableSitegen.Start(dir.Path, point, "build"))
        {
            Assert.True(killed.WaitForStderr($"paused at {point}", Limit), $"never reached {point}:\n{killed.Stderr}");
            AssertSiteIs(dir, newSiteAtKill ? sites.NewSite : sites.OldSite, $"paused at {point}");
            killed.Kill();
        }

        AssertSiteIs(dir, newSiteAtKill ? sites.NewSite : sites.OldSite, $"killed at {point}");
        var leftovers = Leftovers(dir);
        output.WriteLine($"{point}: left behind {string.Join(", ", leftovers)}");
        if (point is "atomic-write" or "write" or "commit" or "swap")
        {
            Assert.NotEmpty(leftovers);
        }

        var (samples, superseded) = BuildWhileSampling(dir);
        output.WriteLine($"{point}: next build sampled site/ {samples} times ({superseded} samples superseded by the swap)");
        Assert.Empty(Leftovers(dir));
        AssertSame(sites.NewSite, FolderSnapshot.Take(dir.Combine("site")), "site/ after the next build");
        AssertSame(sites.NewContent, FolderSnapshot.Take(dir.Combine("content")), "content/ after the next build");
    }

    /// <summary>Runs the next build to its end, sampling site/ all the while; every sample must be old or new.</summary>
    private (int Samples, int Superseded) BuildWhileSampling(TempDir dir)
    {
        using var next = KillableSitegen.Start(dir.Path, null, "build");
        int samples = 0, superseded = 0, old = 0;
        while (!next.HasExited)
        {
            if (!FolderSnapshot.TryTakeAtomic(dir.Combine("site"), out var sample))
            {
                superseded++;
                continue;
            }

            samples++;
            var isOld = FolderSnapshot.Same(sample, sites.OldSite);
            old += isOld ? 1 : 0;
            Assert.True(isOld || FolderSnapshot.Same(sample, sites.NewSite),
                $"sample {samples} of site/ is neither the old nor the new site: {Describe(sample)}");
        }

        Assert.True(next.WaitForExit(Limit) == 0, next.Stderr);
        output.WriteLine($"{old} samples were the old site, {samples - old} the new one");
        return (samples, superseded);
    }

    private static List<string> Leftovers(TempDir dir) =>
        Directory.EnumerateFileSystemEntries(dir.Path)
            .Select(Path.GetFileName)
            .Where(n => n!.StartsWith("site.", StringComparison.Ordinal))
            .Concat(new[] { "content", ".sitegen-cache" }
                .Where(d => Directory.Exists(dir.Combine(d)))
                .SelectMany(d => Directory.EnumerateFiles(dir.Combine(d), "*.tmp", SearchOption.AllDirectories))
                .Select(f => Path.GetRelativePath(dir.Path, f)))
            .ToList()!;

    private void AssertSiteIs(TempDir dir, Dictionary<string, string> expected, string when) =>
        AssertSame(expected, FolderSnapshot.Take(dir.Combine("site")), $"site/ {when}");

    private static void AssertSame(Dictionary<string, string> expected, Dictionary<string, string> actual, string what)
    {
        var missing = expected.Keys.Except(actual.Keys).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        var changed = expected.Keys.Intersect(actual.Keys).Where(k => expected[k] != actual[k]).ToList();
        Assert.True(missing.Count + extra.Count + changed.Count == 0,
            $"{what} differs: missing [{string.Join(", ", missing.Take(5))}], extra [{string.Join(", ", extra.Take(5))}], changed [{string.Join(", ", changed.Take(5))}]");
    }

    private string Describe(Dictionary<string, string> sample)
    {
        var fromOld = sample.Count(kv => sites.OldSite.GetValueOrDefault(kv.Key) == kv.Value);
        var fromNew = sample.Count(kv => sites.NewSite.GetValueOrDefault(kv.Key) == kv.Value);
        return $"{sample.Count} files, {fromOld} as in the old site, {fromNew} as in the new";
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
