using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>Builds the real <c>seeds/</c> from scratch, with the repository's templates and sitegen.yml, into a temp folder.</summary>
public sealed class SeedsSiteFixture : IDisposable
{
    public SeedsSiteFixture()
    {
        Dir = new TempDir();
        var diagnostics = new DiagnosticBag();
        var config = new LoadConfig().Run(Path.Combine(RepoPaths.Root, LoadConfig.FileName), new SiteConfig(), diagnostics);
        Assert.Empty(diagnostics.Snapshot());
        Config = config with
        {
            SeedsDir = RepoPaths.Seeds,
            ContentDir = Dir.Combine("content"),
            TemplatesDir = RepoPaths.Templates,
            OutputDir = Dir.Combine("site"),
            CacheDir = Dir.Combine("cache"),
            BaseUrl = "https://example.org/docs/",
        };
        Result = new SiteBuilder(new FixedTime(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))).Build(Config);
        ContentAfterFirstBuild = Snapshot(Config.ContentDir);
    }

    public TempDir Dir { get; }

    public SiteConfig Config { get; }

    public BuildResult Result { get; }

    public IReadOnlyDictionary<string, byte[]> ContentAfterFirstBuild { get; }

    public static IReadOnlyDictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);

    public void Dispose() => Dir.Dispose();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
