using SiteGen.Config;

namespace SiteGen.Init;

/// <summary>What <c>sitegen init</c> asks for; everything else has a working default.</summary>
public sealed record InitSettings(string Title, string Language, string BaseUrl);

/// <summary>One file of a new site, relative to its folder.</summary>
public sealed record ScaffoldFile(string RelativePath, string Text);

/// <summary>
/// The files of a new site: a commented <c>sitegen.yml</c>, a short sample feed in <c>seeds/</c>, a
/// <c>.gitignore</c> for the output and the build state, and a README that says what to do next.
/// The theme is not copied: it ships inside the tool, and a site's <c>templates/</c> only overrides it.
/// </summary>
public static class SiteScaffold
{
    public const string SampleFeed = "seeds/sample.txt";

    public static IReadOnlyList<ScaffoldFile> Files(InitSettings settings) =>
    [
        new(LoadConfig.FileName, Config(settings)),
        new(SampleFeed, IsChinese(settings.Language) ? SampleFeeds.Chinese : SampleFeeds.English),
        new(".gitignore", GitIgnore),
        new("README.md", Readme(settings)),
    ];

    /// <summary>The lines of <c>.gitignore</c>: build output, the staging folders of a build in progress, the build state.</summary>
    public static IReadOnlyList<string> IgnoredPaths { get; } =
    [
        $"/{new SiteConfig().OutputDir}/",
        $"/{new SiteConfig().OutputDir}.staging-*/",
        $"/{new SiteConfig().OutputDir}.old-*/",
        $"/{new SiteConfig().CacheDir}/",
    ];

    public static string GitIgnore =>
        "# SiteGen: the built site and the build state are made by `sitegen build`; do not commit them.\n" +
        string.Join("\n", IgnoredPaths) + "\n";

    private static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    private static string Config(InitSettings s) => $$"""
        # SiteGen settings. Flags on the command line win over these (`sitegen build --help`).

        # The site's name: page header, <title> and the Atom feed.
        title: {{Quote(s.Title)}}
        # One sentence for search engines and feed readers.
        description: {{Quote(IsChinese(s.Language) ? "带数学公式的技术笔记。" : "Technical notes with math.")}}
        # Language of the articles: <html lang>, the feed's xml:lang and the theme's own words (zh-CN, en).
        language: {{Quote(s.Language)}}
        # Where the site is published, with scheme and host (e.g. https://you.github.io/repo/): canonical links,
        # the Atom feed, sitemap.xml and og:url are absolute URLs under it. Pages link to each other relatively,
        # so site/ also works from disk and under any path.
        base_url: {{Quote(s.BaseUrl)}}

        # Tags: an article gets a tag when its text contains one of the keywords (case-insensitive).
        taxonomy:
        {{(IsChinese(s.Language) ? SampleFeeds.ChineseTaxonomy : SampleFeeds.EnglishTaxonomy)}}

        # Feed entries at least this similar (0.05-1) are one article: the longest version becomes the page.
        # dedup_threshold: 0.6
        # Articles per page of the home page and of each tag.
        # page_size: 20
        # KaTeX options and macros, e.g.
        # katex:
        #   macros:
        #     \RR: \mathbb{R}
        # Colours of highlighted code blocks in hand-written pages, light and dark (VS Code themes), e.g.
        # highlight:
        #   light: LightPlus
        #   dark: DarkPlus
        # Folder copied byte for byte to the site root (images, downloads, CNAME).
        # static_dir: static

        """;

    private static string Readme(InitSettings s) => $$"""
        # {{s.Title}}

        A SiteGen site. Next: put your feeds in `seeds/` (one article per line, like `{{SampleFeed}}`), run
        `sitegen build` and open `site/index.html` (or `sitegen serve` for a live preview), check that `base_url`
        in `sitegen.yml` is where the site will live, then publish with `sitegen deploy --to DIR` or `sitegen deploy --git URL`.

        """;

    /// <summary>A YAML double-quoted scalar: any title (colons, quotes, #) stays one string.</summary>
    private static string Quote(string value)
    {
        var quoted = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                < ' ' or '\u007f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
