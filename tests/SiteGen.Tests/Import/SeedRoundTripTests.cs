using SiteGen.Diagnostics;
using SiteGen.Import;
using YamlDotNet.Serialization;

namespace SiteGen.Tests.Import;

/// <summary>The promise of the importer: every seed entry renders back to its own text, in exactly one page.</summary>
public sealed class SeedRoundTripTests
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    [Fact]
    public void EverySeedEntryRendersToItsTextInExactlyOnePage()
    {
        var content = ImportTestKit.NewTempDir();
        var bag = new DiagnosticBag();
        var config = ImportTestKit.Config(ImportTestKit.SeedsDir, content);
        var result = ImportFeeds.Run(config, bag, new FixedClock(ImportTestKit.Today));
        Assert.Equal(47, result.Articles);
        Assert.Empty(bag.Snapshot());

        var entries = new ReadFeeds().Read(ImportTestKit.SeedsDir, new DiagnosticBag()).Entries;
        var articles = new DeduplicateArticles().Deduplicate(entries, config).Articles;

        var pages = Directory.GetFiles(content, "*.md").Select(File.ReadAllText).ToList();
        Assert.Equal(47, pages.Count);
        var pageBySource = new Dictionary<(string, int), string>();
        var pageText = new Dictionary<string, string>();
        var sectionsByPage = new Dictionary<string, Dictionary<string, string>>();
        foreach (var page in pages)
        {
            var front = Yaml.Deserialize<Dictionary<string, object>>(ImportTestKit.FrontMatterOf(page));
            var id = (string)front["id"];
            foreach (Dictionary<object, object> source in (List<object>)front["sources"])
            {
                pageBySource.Add(((string)source["feed"], int.Parse((string)source["line"])), id);
            }
            var sections = ImportTestKit.SectionTexts(ImportTestKit.BodyOf(page));
            sectionsByPage[id] = sections;
            pageText[id] = ImportTestKit.Squash(string.Concat(sections.Values));
            AssertOnlyExpectedMarkup(ImportTestKit.BodyOf(page));
        }

        foreach (var entry in entries)
        {
            var id = pageBySource[(entry.Feed, entry.Line)];
            var article = articles.Single(a => a.Sources.Contains(entry));
            var key = TextKey.Normalize(entry.Text);
            var section = TextKey.Normalize(article.Body.Text) == key
                ? ""
                : article.OtherVersions.Where(v => TextKey.Normalize(v.Text) == key).Select(v => $"{v.Feed}:{v.Line}").Single();
            Assert.True(sectionsByPage[id].ContainsKey(section), $"{entry.Path}:{entry.Line} has no section '{section}'");
            Assert.Equal(ImportTestKit.Squash(entry.Text), ImportTestKit.Squash(sectionsByPage[id][section]));

            var squashed = ImportTestKit.Squash(entry.Text);
            Assert.Single(pageText.Values, text => text.Contains(squashed, StringComparison.Ordinal));
        }
    }

    /// <summary>Only the markup the importer means to produce: no HTML from the feed ever becomes an element.</summary>
    private static void AssertOnlyExpectedMarkup(string markdown)
    {
        var document = ImportTestKit.Parse(ImportTestKit.Html(markdown));
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            var allowed = element.LocalName switch
            {
                "p" or "h2" or "h3" or "h4" or "a" => true,
                "span" => element.ClassName is "math" or "missing",
                "div" => element.ClassName == "math",
                _ => false,
            };
            Assert.True(allowed, $"unexpected <{element.LocalName} class='{element.ClassName}'> in:\n{markdown}");
        }
    }
}
