using SiteGen.Config;

namespace SiteGen.Tests.Support;

/// <summary>The configuration of a site whose folders (seeds, content, site, cache) are all inside one temporary folder, with the repository's theme.</summary>
public static class TempSite
{
    public static SiteConfig Config(TempDir dir) => new()
    {
        SeedsDir = dir.Combine("seeds"),
        ContentDir = dir.Combine("content"),
        TemplatesDir = RepoPaths.Templates,
        OutputDir = dir.Combine("site"),
        CacheDir = dir.Combine(".cache"),
        ConfigFile = dir.Combine("sitegen.yml"),
    };
}
