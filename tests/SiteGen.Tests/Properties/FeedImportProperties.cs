using System.Text;
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
/// Property: any feed of hostile lines (see <see cref="FeedText"/>) goes through import and a whole build with
/// the real templates and KaTeX, and then (1) the build succeeds, (2) every entry's text is in exactly one
/// article page, (3) nothing from the feed became an element or attribute, and (4) a second import changes no
/// byte of <c>content/</c>. Each generated case is one whole site of 12–40 lines, so the case count is small
/// and the lines are many; <c>SITEGEN_PROPERTY_CASES</c> runs more.
/// </summary>
[Collection("Processes")]
public sealed partial class FeedImportProperties(ITestOutputHelper output)
{
    private static readonly HtmlParser Parser = new();
    private static readonly DateTimeOffset Today = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    internal static int Cases(int defaultCases) =>
        int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_PROPERTY_CASES"), out var n) && n > 0 ? n : defaultCases;

    [Fact]
    public void HostileFeedsBuildWithEveryEntryInExactlyOnePageAndNothingInjected()
    {
        using var shared = new TempDir();
        var cases = 0;
        var lines = 0;
        FeedText.Feed.Sample(feed =>
        {
            Interlocked.Increment(ref cases);
            Interlocked.Add(ref lines, feed.Length);
            Check(feed, shared.Combine("cache"));
        }, iter: Cases(10), threads: 1, print: FeedText.Show);
        output.WriteLine($"{cases} generated sites, {lines} feed lines, all held");
    }

    /// <summary>Builds one generated feed and checks the four properties; throws on the first that fails.</summary>
    internal static void Check(byte[][][] feed, string cacheDir)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        File.WriteAllBytes(dir.Combine("seeds", "000.txt"), FeedText.Bytes(feed));
        var config = new SiteConfig
        {
            SeedsDir = dir.Combine("seeds"),
            ContentDir = dir.Combine("content"),
            TemplatesDir = RepoPaths.Templates,
            OutputDir = dir.Combine("site"),
            CacheDir = cacheDir,
        };

        var result = new SiteBuilder(new FixedClock(Today)) { LockNotices = TextWriter.Null }.Build(config);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("build failed:\n" + string.Join("\n", result.Diagnostics));
        }

        var entries = new ReadFeeds().Read(config.SeedsDir, new DiagnosticBag()).Entries;
        var pages = ArticleTexts(config.OutputDir);
        foreach (var entry in entries)
        {
            var text = Squash(entry.Text);
            var holders = pages.Where(p => p.Value.Contains(text, StringComparison.Ordinal)).Select(p => p.Key).ToList();
            if (holders.Count != 1)
            {
                throw new InvalidOperationException($"line {entry.Line} is in {holders.Count} pages [{string.Join(", ", holders)}]: {entry.Text}\n" +
                    $"squashed: {text}\npages:\n{string.Join("\n", pages.Select(p => $"{p.Key}: {p.Value}"))}");
            }
        }

        foreach (var file in Directory.EnumerateFiles(config.OutputDir, "*.html", SearchOption.AllDirectories))
        {
            AssertNothingInjected(file);
        }

        var before = Snapshot(config.ContentDir);
        var again = ImportFeeds.Run(config, new DiagnosticBag(), new FixedClock(Today.AddDays(1)));
        var after = Snapshot(config.ContentDir);
        if (again.PagesCreated != 0 || before.Count != after.Count || before.Any(kv => !after.TryGetValue(kv.Key, out var b) || b != kv.Value))
        {
            throw new InvalidOperationException($"second import changed content/ ({again.PagesCreated} created, {again.PagesUpdated} updated)");
        }
    }

    /// <summary>No element, attribute or URL that the feed's HTML could have brought in.</summary>
    internal static void AssertNothingInjected(string file)
    {
        var document = Parser.ParseDocument(File.ReadAllText(file));
        foreach (var element in document.All)
        {
            var bad = element.LocalName is "sginj" or "iframe" or "img" or "object" or "embed" or "style" && !IsTheme(element)
                || (element.LocalName == "script" && element.GetAttribute("src") is null && element.ParentElement?.LocalName != "head")
                || element.Attributes.Any(a => a.Name.Contains("sginj", StringComparison.Ordinal) || a.Name.StartsWith("on", StringComparison.Ordinal)
                    || (a.Name is "href" or "src" && a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    || (a.Name == "style" && a.Value.Contains("sginj", StringComparison.Ordinal)));
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

    private static bool IsTheme(IElement element) => element.Closest(".article-body, .article-card, main") is null;

    /// <summary>Each article's body text with formulas put back as TeX, squashed.</summary>
    internal static Dictionary<string, string> ArticleTexts(string siteDir)
    {
        var texts = new Dictionary<string, string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(siteDir, "articles")))
        {
            var document = Parser.ParseDocument(File.ReadAllText(Path.Combine(dir, "index.html")));
            var body = document.QuerySelector(".article-body")!;
            // Formulas (typeset, or shown as source after a TeX error) go back to the feed's \( \) and \[ \].
            foreach (var math in body.QuerySelectorAll(".katex, .katex-error").ToList())
            {
                var tex = math.QuerySelector("annotation")?.TextContent ?? math.TextContent;
                var display = math.ParentElement?.ClassList.Contains("katex-display") == true || math.Closest("div.math") is not null;
                var holder = math.ParentElement?.ClassList.Contains("katex-display") == true ? math.ParentElement! : math;
                holder.Replace(document.CreateTextNode(display ? $"\\[{tex}\\]" : $"\\({tex}\\)"));
            }

            texts[Path.GetFileName(dir)] = Squash(body.TextContent);
        }

        return texts;
    }

    /// <summary>Text modulo whitespace and Unicode compatibility forms (markup is gone once it is text).</summary>
    internal static string Squash(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormKC), "");

    internal static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
