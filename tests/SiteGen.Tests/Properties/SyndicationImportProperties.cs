using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Import;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Properties;

/// <summary>
/// Property: any seeds folder holding a hostile RSS 2.0, Atom 1.0 and JSON Feed file (and maybe a text feed; see
/// <see cref="SyndicationText"/>) goes through import and a whole build with the real templates and KaTeX, and then
/// (1) the build succeeds with only warnings, each located as <c>file(line,col)</c>, (2) every entry's text
/// (<see cref="FeedEntry.Text"/>: the item's title and body as the importer reads them) is in exactly one article
/// page, (3) nothing from the feeds became an element, attribute, URL or comment in any built HTML, and (4) a
/// second import changes no byte of <c>content/</c>. <c>SITEGEN_PROPERTY_CASES</c> runs more cases.
/// </summary>
[Collection("Processes")]
public sealed partial class SyndicationImportProperties(ITestOutputHelper output)
{
    private static readonly HtmlParser Parser = new();
    private static readonly DateTimeOffset Today = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HostileSyndicationFeedsBuildWithEveryItemInExactlyOnePageAndNothingInjected()
    {
        using var shared = new TempDir();
        var cases = 0;
        var entries = 0;
        var warnings = new Dictionary<string, int>(StringComparer.Ordinal);
        SyndicationText.Site.Sample(site =>
        {
            cases++;
            var (count, diagnostics) = Check(SyndicationText.Files(site), shared.Combine("cache"));
            entries += count;
            foreach (var code in diagnostics.Select(d => d.Code))
            {
                warnings[code] = warnings.GetValueOrDefault(code) + 1;
            }
        }, iter: FeedImportProperties.Cases(10), threads: 1, print: SyndicationText.Show);
        output.WriteLine($"{cases} generated sites, {entries} entries, all held; warnings: " +
            string.Join(", ", warnings.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}×{w.Value}")));
    }

    /// <summary>Builds one seeds folder (file name → bytes) and checks the properties; throws on the first that fails.</summary>
    internal static (int Entries, IReadOnlyList<Diagnostic> Diagnostics) Check(IReadOnlyDictionary<string, byte[]> files, string cacheDir)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(dir.Combine("seeds", name), bytes);
        }
        var config = new SiteConfig
        {
            SeedsDir = dir.Combine("seeds"),
            ContentDir = dir.Combine("content"),
            TemplatesDir = RepoPaths.Templates,
            OutputDir = dir.Combine("site"),
            CacheDir = cacheDir,
            BaseUrl = "https://example.net/docs/",
        };

        var result = new SiteBuilder(new FixedClock(Today)) { LockNotices = TextWriter.Null }.Build(config);
        if (!result.Succeeded || result.Errors > 0)
        {
            throw new InvalidOperationException("build failed:\n" + string.Join("\n", result.Diagnostics));
        }
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Line < 1 || diagnostic.Column < 1 || string.IsNullOrEmpty(diagnostic.File))
            {
                throw new InvalidOperationException($"warning without a position: {diagnostic}");
            }
        }

        var entries = new ReadFeeds().Read(config.SeedsDir, new DiagnosticBag()).Entries;
        var pages = PageTexts(config.OutputDir);
        var sources = Sources(config.ContentDir);
        foreach (var entry in entries)
        {
            // The page is the one whose front matter lists the entry; a text that is a prefix of another article's
            // (an unclosed <iframe> hides the rest of a body) is then in that one's page too, rightly.
            var (title, body) = Split(entry);
            var holders = sources.Where(s => s.Value.Contains((entry.Feed, entry.Line))).Select(s => s.Key).ToList();
            var text = holders.Count == 1 && pages.TryGetValue(holders[0], out var page) ? page.Title + page.Body : "";
            if (holders.Count != 1 || !text.Contains(body, StringComparison.Ordinal) || (title is not null && !text.Contains(title, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"{entry.Feed}({entry.Line}) is a source of {holders.Count} pages [{string.Join(", ", holders)}] " +
                    $"(title '{title}'): {entry.Text}\nsquashed: {body}\npages:\n{string.Join("\n", pages.Select(p => $"{p.Key}: {p.Value.Title} | {p.Value.Body}"))}");
            }
        }
        foreach (var group in entries.GroupBy(e => TextKey.Normalize(e.Text)))
        {
            // Exact duplicates (in any format) are one article.
            var slugs = group.SelectMany(e => sources.Where(s => s.Value.Contains((e.Feed, e.Line))).Select(s => s.Key)).Distinct().ToList();
            if (slugs.Count != 1)
            {
                throw new InvalidOperationException($"one text in {slugs.Count} pages [{string.Join(", ", slugs)}]: {group.Key}");
            }
        }

        foreach (var file in Directory.EnumerateFiles(config.OutputDir, "*.html", SearchOption.AllDirectories))
        {
            AssertNothingInjected(file);
        }

        // The site's own Atom feed stays well-formed, and links only http(s) (the originals included).
        var atom = System.Xml.Linq.XDocument.Load(Path.Combine(config.OutputDir, "atom.xml"));
        foreach (var link in atom.Descendants().Where(e => e.Name.LocalName == "link"))
        {
            if (!Uri.TryCreate((string?)link.Attribute("href"), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"atom.xml links '{link.Attribute("href")}'");
            }
        }

        var before = FeedImportProperties.Snapshot(config.ContentDir);
        var again = ImportFeeds.Run(config, new DiagnosticBag(), new FixedClock(Today.AddDays(1)));
        var after = FeedImportProperties.Snapshot(config.ContentDir);
        if (again.PagesCreated != 0 || before.Count != after.Count || before.Any(kv => !after.TryGetValue(kv.Key, out var b) || b != kv.Value))
        {
            throw new InvalidOperationException($"second import changed content/ ({again.PagesCreated} created, {again.PagesUpdated} updated)");
        }
        return (entries.Count, result.Diagnostics);
    }

    /// <summary>
    /// As <see cref="FeedImportProperties.AssertNothingInjected"/>, except that an item's body may bring images: in the
    /// article body an <c>img</c> is allowed with an absolute http(s) <c>src</c> and no attribute beyond the theme's.
    /// Every link and image URL anywhere is http(s), mailto, or the site's own (relative, no scheme).
    /// </summary>
    private static void AssertNothingInjected(string file)
    {
        var document = Parser.ParseDocument(File.ReadAllText(file));
        foreach (var element in document.All)
        {
            var inBody = element.Closest(".article-body, .article-card, main") is not null;
            var bad = element.LocalName is "sginj" or "iframe" or "object" or "embed" or "frame" or "applet" && inBody
                || element.LocalName is "form" or "input" or "base" or "meta" or "link" && element.Closest(".article-body, .article-card") is not null
                || element.LocalName is "style" or "svg" && inBody && element.Closest(".katex") is null
                || (element.LocalName == "img" && inBody && !(element.GetAttribute("src") is { } src && (src.StartsWith("https://", StringComparison.Ordinal) || src.StartsWith("http://", StringComparison.Ordinal))
                    && element.Attributes.All(a => a.Name is "src" or "alt" or "loading")))
                || (element.LocalName == "script" && element.GetAttribute("src") is null && element.ParentElement?.LocalName != "head")
                || element.Attributes.Any(a => a.Name.Contains("sginj", StringComparison.Ordinal) || a.Name.StartsWith("on", StringComparison.Ordinal)
                    || (a.Name is "href" or "src" or "srcset" or "action" or "formaction" or "xlink:href" && !SafeUrl(a.Value))
                    || (a.Name is "style" or "class" && a.Value.Contains("sginj", StringComparison.Ordinal)));
            if (bad)
            {
                throw new InvalidOperationException($"{file}: injected <{element.LocalName} {string.Join(' ', element.Attributes.Select(a => $"{a.Name}=\"{a.Value}\""))}>");
            }
        }

        foreach (var comment in document.Descendants<IComment>())
        {
            if (comment.Data.Contains("sginj", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{file}: injected comment <!--{comment.Data}-->");
            }
        }
    }

    private static bool SafeUrl(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOfAny(['/', '?', '#']);
        var scheme = colon < 0 || (slash >= 0 && slash < colon) ? null : url[..colon];
        return scheme is null or "http" or "https" or "mailto";
    }

    /// <summary>An entry's text as title (when the importer put it before the body) and body, each squashed.</summary>
    private static (string? Title, string Body) Split(FeedEntry entry)
    {
        if (entry.Item?.Title is { } title && entry.Text.StartsWith(title, StringComparison.Ordinal)
            && (entry.Text.Length == title.Length || entry.Text[title.Length] == '\n'))
        {
            return (FeedImportProperties.Squash(title), FeedImportProperties.Squash(entry.Text[title.Length..]));
        }
        return (null, FeedImportProperties.Squash(entry.Text));
    }

    /// <summary>Each page's <c>sources</c> (feed, line) by slug, read from <c>content/</c>.</summary>
    private static Dictionary<string, HashSet<(string Feed, int Line)>> Sources(string contentDir) =>
        Directory.GetFiles(contentDir, "*.md").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => SourceLines().Matches(File.ReadAllText(f)).Select(m => (m.Groups[1].Value.Trim('"'), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToHashSet());

    [GeneratedRegex(@"^  - feed: (.+)\n    line: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex SourceLines();

    /// <summary>Each article page's title (its h1) and body text (formulas as TeX), squashed.</summary>
    private static Dictionary<string, (string Title, string Body)> PageTexts(string siteDir)
    {
        var bodies = FeedImportProperties.ArticleTexts(siteDir);
        return bodies.ToDictionary(b => b.Key, b =>
        {
            var document = Parser.ParseDocument(File.ReadAllText(Path.Combine(siteDir, "articles", b.Key, "index.html")));
            return (FeedImportProperties.Squash(document.QuerySelector("h1")?.TextContent ?? ""), b.Value);
        });
    }
}
