using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import.Syndication;

/// <summary>
/// The fixture seeds (<c>TestFiles/Import/Syndication/seeds</c>: one text feed, RSS, Atom, JSON Feed, hostile and broken
/// files) built into a whole site once, with the repository's templates and taxonomy.
/// </summary>
public sealed class SyndicationFixture : IDisposable
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public SyndicationFixture()
    {
        Dir = new TempDir();
        Seeds = Dir.Combine("seeds");
        Directory.CreateDirectory(Seeds);
        foreach (var file in Directory.GetFiles(SourceSeeds))
        {
            File.Copy(file, Path.Combine(Seeds, Path.GetFileName(file)));
        }
        var diagnostics = new DiagnosticBag();
        var config = new LoadConfig().Run(Path.Combine(RepoPaths.Root, LoadConfig.FileName), new SiteConfig(), diagnostics);
        Config = config with
        {
            SeedsDir = Seeds,
            ContentDir = Dir.Combine("content"),
            TemplatesDir = RepoPaths.Templates,
            OutputDir = Dir.Combine("site"),
            CacheDir = Dir.Combine("cache"),
        };
        Result = new SiteBuilder(new FixedClock(Today)).Build(Config);
        Entries = new ReadFeeds().Read(Seeds, new DiagnosticBag()).Entries;
    }

    public static string SourceSeeds => Path.Combine(ImportTestKit.TestFiles, "Syndication", "seeds");

    public TempDir Dir { get; }

    public string Seeds { get; }

    public SiteConfig Config { get; }

    public BuildResult Result { get; }

    public IReadOnlyList<FeedEntry> Entries { get; }

    public string Page(string slug) => File.ReadAllText(Path.Combine(Config.ContentDir, slug + ".md"));

    public string Html(string slug) => File.ReadAllText(Path.Combine(Config.OutputDir, "articles", slug, "index.html"));

    /// <summary>Diagnostics as printed, with the temp seeds folder shown as <c>seeds</c>.</summary>
    public IEnumerable<string> Printed(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.ToString().Replace(Seeds.Replace('\\', '/'), "seeds", StringComparison.Ordinal));

    public void Dispose() => Dir.Dispose();
}
