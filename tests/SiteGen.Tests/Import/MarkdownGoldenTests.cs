using SiteGen.Diagnostics;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>
/// <c>TestFiles/Import/&lt;case&gt;.txt</c> (one feed line) → <c>&lt;case&gt;.expected.md</c> (title, readable slug,
/// warnings, Markdown). <c>SITEGEN_UPDATE_GOLDENS=1</c> rewrites the expected files. Every case must also round-trip.
/// </summary>
public sealed class MarkdownGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ImportTestKit.TestFiles, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesGoldenAndRoundTrips(string name)
    {
        var text = File.ReadAllText(Path.Combine(ImportTestKit.TestFiles, name + ".txt")).TrimEnd('\r', '\n');
        var entry = new FeedEntry(name + ".txt", $"TestFiles/Import/{name}.txt", 1, text);
        var bag = new DiagnosticBag();
        var markdown = new FormatMarkdown().Format(entry, headingLevel: 2, bag);
        var title = new ExtractTitle().From(text);
        var actual = $"title: {title}\nslug: {MakeSlug.Readable(title) ?? "(id)"}\n"
            + string.Concat(bag.Snapshot().Select(d => $"warning: {d}\n"))
            + "\n" + markdown;

        var expectedPath = Path.Combine(ImportTestKit.SourceTestFiles, name + ".expected.md");
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }
        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run with SITEGEN_UPDATE_GOLDENS=1");
        Assert.Equal(File.ReadAllText(expectedPath), actual);

        var sections = ImportTestKit.SectionTexts(markdown);
        Assert.Equal(ImportTestKit.Squash(text), ImportTestKit.Squash(sections[""]));
    }
}
