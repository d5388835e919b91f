namespace SiteGen.Config;

/// <summary>Everything a build needs to know, merged from <c>sitegen.yml</c> and command-line flags (flags win).</summary>
public sealed record SiteConfig
{
    public string Title { get; init; } = "SiteGen";
    public string Description { get; init; } = "Technical articles with math.";
    public string Language { get; init; } = "zh-CN";

    /// <summary>Absolute or root-relative base URL, always ending in '/'.</summary>
    public string BaseUrl { get; init; } = "/";

    public string SeedsDir { get; init; } = "seeds";
    public string ContentDir { get; init; } = "content";
    /// <summary>The site's theme overrides; files not in it come from the theme built into SiteGen.</summary>
    public string TemplatesDir { get; init; } = "templates";

    /// <summary>True when the user named <see cref="TemplatesDir"/> (<c>--templates</c>), so a missing folder is an error.</summary>
    public bool TemplatesDirGiven { get; init; }
    public string OutputDir { get; init; } = "site";
    public string CacheDir { get; init; } = ".sitegen-cache";

    /// <summary>Folder copied byte for byte to the site root (images, downloads, <c>CNAME</c>, favicon).</summary>
    public string StaticDir { get; init; } = "static";

    /// <summary>The <c>sitegen.yml</c> this configuration was read from (it may not exist).</summary>
    public string ConfigFile { get; init; } = "sitegen.yml";

    /// <summary>Shingle similarity at which near-duplicate candidates are found (LSH); above 0.9 it also tightens the 10% edit budget (docs/feeds.md).</summary>
    public double DedupThreshold { get; init; } = 0.6;

    public int ShingleSize { get; init; } = 5;

    /// <summary>Tag name → keywords; an article gets the tag when its text contains any keyword (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Taxonomy { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>KaTeX options passed through verbatim (besides throwOnError and displayMode, which SiteGen sets).</summary>
    public IReadOnlyDictionary<string, object?> KatexOptions { get; init; } = new Dictionary<string, object?>();

    /// <summary>KaTeX macros, e.g. <c>\RR: \mathbb{R}</c>.</summary>
    public IReadOnlyDictionary<string, string> KatexMacros { get; init; } = new Dictionary<string, string>();

    /// <summary>Articles per page of the home page and of each tag page.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>Theme words replacing those of the language's table (<c>translations:</c>), by word name.</summary>
    public IReadOnlyDictionary<string, string> Translations { get; init; } = new Dictionary<string, string>();

    /// <summary>The light and dark themes of highlighted code blocks.</summary>
    public HighlightConfig Highlight { get; init; } = new();

    public bool Strict { get; init; }

    /// <summary>Path of the JSON build report, or null for none.</summary>
    public string? ReportPath { get; init; }

    /// <summary>The path part of <see cref="BaseUrl"/>, e.g. <c>/docs/</c>.</summary>
    public string BasePath => BaseUrl.Contains("://", StringComparison.Ordinal)
        ? new Uri(BaseUrl).AbsolutePath
        : BaseUrl;
}
