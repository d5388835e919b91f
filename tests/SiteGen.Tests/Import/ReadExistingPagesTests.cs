using SiteGen.Common;
using SiteGen.Diagnostics;
using SiteGen.Import;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Tests.Import;

/// <summary>
/// A page the importer wrote and nobody touched is read from its <c>id</c>, <c>date</c> and <c>source_hash</c>
/// lines without a YAML tree; what it reads must be what the YAML reading of the same front matter gives.
/// </summary>
public sealed class ReadExistingPagesTests
{
    [Fact]
    public void AGeneratedPageReadsTheSameFieldsAsItsYaml()
    {
        var content = ImportTestKit.NewTempDir();
        try
        {
            ImportFeeds.Run(ImportTestKit.Config(ImportTestKit.SeedsDir, content), new DiagnosticBag(), new FixedClock(ImportTestKit.Today));
            var pages = new ReadExistingPages().Read(content);
            Assert.True(pages.Count >= 20, $"only {pages.Count} pages imported from the seeds");
            foreach (var page in pages)
            {
                Assert.True(page.Intact, page.Path);
                var yaml = YamlFields(page.Text!);
                Assert.Equal(yaml("id"), page.Id);
                Assert.Equal(yaml("date"), page.Date);
                Assert.Equal(yaml("source_hash"), page.SourceHash);
                Assert.Null(page.Damage);
            }
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public void AnEditedPageIsReadThroughItsYaml()
    {
        var content = ImportTestKit.NewTempDir();
        try
        {
            ImportFeeds.Run(ImportTestKit.Config(ImportTestKit.SeedsDir, content), new DiagnosticBag(), new FixedClock(ImportTestKit.Today));
            var file = Directory.GetFiles(content, "*.md").Order(StringComparer.Ordinal).First();
            var text = File.ReadAllText(file);
            // A folded block scalar: only a YAML reading finds this id; the one-line reading of untouched pages finds none.
            var id = YamlFields(text)("id")!;
            var edited = text.Replace($"id: {id}\n", $"id: >-\n  {id}\n", StringComparison.Ordinal)
                .Replace("\n---\n\n", "\n---\n\nedited by hand\n", StringComparison.Ordinal);
            File.WriteAllText(file, edited);

            var page = new ReadExistingPages().Read(content).Single(p => p.FullPath == file);
            Assert.False(page.Intact);
            Assert.Null(page.Damage);
            Assert.Equal(id, page.Id);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private static Func<string, string?> YamlFields(string pageText)
    {
        var text = pageText.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var node = SafeYaml.Load(text[4..(end + 1)], out var problem);
        Assert.Null(problem);
        var fields = Assert.IsType<YamlMappingNode>(node);
        return key => fields.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
    }
}
