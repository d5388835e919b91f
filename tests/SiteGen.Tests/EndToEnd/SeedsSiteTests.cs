using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Build;
using SiteGen.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>The whole pipeline on the real seeds: counts, nothing lost, no raw TeX, no math script, stable re-runs.</summary>
public sealed partial class SeedsSiteTests(SeedsSiteFixture site) : IClassFixture<SeedsSiteFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void BuildSucceedsWithTheIssueCounts()
    {
        var result = site.Result;
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(5, result.Feeds);
        Assert.Equal(59, result.Entries);
        Assert.Equal(47, result.Articles);
        Assert.Equal(11, result.ExactDuplicates);
        Assert.Equal(1, result.NearDuplicates);
        Assert.True(result.Formulas > 0);
        Assert.Equal(47, Directory.GetFiles(site.Config.ContentDir, "*.md").Length);
        Assert.Equal(47, Directory.GetDirectories(Path.Combine(site.Config.OutputDir, "articles")).Length);
    }

    [Fact]
    public void EverySeedEntryIsInExactlyOneArticlePageVerbatim()
    {
        var pages = ArticleTexts();
        var entries = new ReadFeeds().Read(RepoPaths.Seeds, new Diagnostics.DiagnosticBag()).Entries;
        Assert.Equal(59, entries.Count);
        var failures = new List<string>();
        foreach (var entry in entries)
        {
            var text = Squash(entry.Text);
            var holders = pages.Where(p => p.Value.Contains(text, StringComparison.Ordinal)).Select(p => p.Key).ToList();
            if (holders.Count != 1)
            {
                failures.Add($"{entry.Path}({entry.Line}): found in {holders.Count} pages [{string.Join(", ", holders)}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryFormulaIsTypesetAndNoMathScriptShips()
    {
        foreach (var file in HtmlFiles())
        {
            var html = File.ReadAllText(file);
            var document = Parser.ParseDocument(html);
            var body = document.QuerySelector(".article-body");
            if (body is not null)
            {
                RemoveMath(body);
                Assert.DoesNotMatch(@"\\\(|\\\[|\$", body.TextContent);
            }

            foreach (var script in document.QuerySelectorAll("script[src]"))
            {
                Assert.DoesNotContain("katex", script.GetAttribute("src")!, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.True(File.Exists(Path.Combine(site.Config.OutputDir, "assets", "katex", "katex.min.css")));
        Assert.Empty(Directory.GetFiles(Path.Combine(site.Config.OutputDir, "assets", "katex"), "*.js", SearchOption.AllDirectories));
    }

    [Fact]
    public void RebuildingUnchangedFeedsChangesNoByteOfContent()
    {
        var result = new SiteBuilder(TimeProvider.System).Build(site.Config);
        Assert.True(result.Succeeded);
        var after = SeedsSiteFixture.Snapshot(site.Config.ContentDir);
        Assert.Equal(site.ContentAfterFirstBuild.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in site.ContentAfterFirstBuild)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[name]), $"{name} changed on rebuild");
        }
    }

    [Fact]
    public void CommittedContentIsWhatTheSeedsProduce()
    {
        // content/ in the repository is generated from seeds/; it must not drift from the importer.
        var committed = SeedsSiteFixture.Snapshot(Path.Combine(RepoPaths.Root, "content"));
        var fresh = site.ContentAfterFirstBuild;
        Assert.Equal(fresh.Keys.Order(), committed.Keys.Order());
        foreach (var (name, bytes) in fresh)
        {
            Assert.Equal(ScrubDate(Encoding.UTF8.GetString(bytes)), ScrubDate(Encoding.UTF8.GetString(committed[name])));
        }
    }

    [Fact]
    public void SiteMatchesSnapshot()
    {
        // Scrubbed of what changes between runs (timings, dates), the file list and titles must stay put.
        var snapshot = new StringBuilder();
        foreach (var file in HtmlFiles().Select(f => Path.GetRelativePath(site.Config.OutputDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            var document = Parser.ParseDocument(File.ReadAllText(Path.Combine(site.Config.OutputDir, file)));
            snapshot.Append(file).Append(" | ").Append(document.Title).Append('\n');
        }

        Golden.AssertMatches(Path.Combine("EndToEnd", "seeds-site.expected.txt"), snapshot.ToString());
    }

    private Dictionary<string, string> ArticleTexts()
    {
        var texts = new Dictionary<string, string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(site.Config.OutputDir, "articles")))
        {
            var document = Parser.ParseDocument(File.ReadAllText(Path.Combine(dir, "index.html")));
            var body = document.QuerySelector(".article-body")!;
            foreach (var math in body.QuerySelectorAll(".katex").ToList())
            {
                var tex = math.QuerySelector("annotation")!.TextContent;
                var display = math.ParentElement?.ClassList.Contains("katex-display") == true;
                var holder = display ? math.ParentElement! : math;
                holder.Replace(document.CreateTextNode(display ? $"\\[{tex}\\]" : $"\\({tex}\\)"));
            }

            texts[Path.GetFileName(dir)] = Squash(body.TextContent);
        }

        return texts;
    }

    private IEnumerable<string> HtmlFiles() =>
        Directory.EnumerateFiles(site.Config.OutputDir, "*.html", SearchOption.AllDirectories);

    private static void RemoveMath(IElement body)
    {
        foreach (var math in body.QuerySelectorAll(".katex").ToList())
        {
            math.Remove();
        }
    }

    /// <summary>Text modulo whitespace and Unicode compatibility forms (markup is gone once it is text).</summary>
    private static string Squash(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormKC), "");

    private static string ScrubDate(string text) => DateLine().Replace(text, "date: (scrubbed)");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^date: .*$", RegexOptions.Multiline)]
    private static partial Regex DateLine();
}
