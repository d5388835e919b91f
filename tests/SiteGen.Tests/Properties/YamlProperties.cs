using System.Text;
using CsCheck;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Properties;

/// <summary>
/// Property: whatever a person types into <c>sitegen.yml</c> or a page's front matter, reading it never throws;
/// a problem is a diagnostic with a position inside the file.
/// </summary>
[Collection("Processes")]
public sealed class YamlProperties(ITestOutputHelper output)
{
    private static readonly string[] Tokens =
    [
        "title", "base_url", "taxonomy", "katex", "macros", "page_size", "dedup_threshold", "id", "slug", "date", "tags", "sources",
        ": ", ":", "\n", "\n  ", "\n    ", "- ", "? ", "[", "]", "{", "}", ",", "'", "\"", "\\", "#", "&a ", "*a", "*b", "!!binary ",
        "!!int ", "!tag ", "|", ">", "---", "...", "%YAML 1.2", "\t", " ", "标题", "😀", "1e400", "-1", "0.6", "true", "null", "~",
        "\u0000", "\uFEFF", "\u2028", "\uFFFD", "@", "`", "%",
    ];

    private static readonly Gen<string> Text = Gen.Frequency(
        (20, Gen.OneOf(Tokens)),
        (1, Gen.Select(Gen.OneOf("[", "{", "- ", "? ", "[{"), Gen.Int[1, 200], (t, n) => string.Concat(Enumerable.Repeat(t, n)))))
        .Array[0, 60].Select(string.Concat);

    [Fact]
    public void TypedYamlNeverThrowsAndEveryProblemIsInsideTheFile()
    {
        using var dir = new TempDir();
        var config = dir.Combine("sitegen.yml");
        var page = dir.Combine("content", "p.md");
        Directory.CreateDirectory(dir.Combine("content"));
        var cases = 0;
        var located = 0;
        Text.Sample(yaml =>
        {
            cases++;
            File.WriteAllText(config, yaml);
            File.WriteAllText(page, "---\n" + yaml + "\n---\n正文\n");
            var bag = new DiagnosticBag();
            new LoadConfig().Run(config, new SiteConfig(), bag);
            new LoadPages().LoadOne(page, bag);
            new ReadExistingPages().Read(dir.Combine("content"));
            var lines = yaml.Split('\n').Length + 4;
            foreach (var diagnostic in bag.Snapshot())
            {
                Assert.InRange(diagnostic.Line, 0, lines);
                located++;
            }
        }, iter: 600, threads: 1, print: y => y.Replace("\n", "\\n"));
        output.WriteLine($"{cases} generated YAML texts read as sitegen.yml, as front matter and by the importer; {located} diagnostics, all inside the file");
    }
}
