using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

/// <summary>
/// Each <c>TestFiles/Markdown/Highlighting/&lt;case&gt;.md</c> rendered with highlighting and compared with
/// <c>&lt;case&gt;.expected.html</c> (<c>SITEGEN_UPDATE_GOLDENS=1</c> rewrites them).
/// </summary>
public sealed class HighlightGoldenTests
{
    private static string SourceDir => Path.Combine(RepoPaths.Root, "tests", "SiteGen.Tests", "TestFiles", "Markdown", "Highlighting");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SourceDir, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BodyMatchesGolden(string name)
    {
        var markdown = File.ReadAllText(Path.Combine(SourceDir, name + ".md"));
        var (html, _, _) = MarkdownTestKit.Render(markdown);
        Golden.AssertMatches($"Markdown/Highlighting/{name}.expected.html", html);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryCharacterOfTheCodeIsInThePageExactlyOnce(string name)
    {
        var markdown = File.ReadAllText(Path.Combine(SourceDir, name + ".md"));
        var parser = new HtmlParser();
        var highlighted = parser.ParseDocument(MarkdownTestKit.Render(markdown).Html).QuerySelectorAll("pre code").Select(c => c.TextContent);
        var plain = parser.ParseDocument(MarkdownTestKit.RenderPlain(markdown)).QuerySelectorAll("pre code").Select(c => c.TextContent);
        Assert.Equal(plain, highlighted);
    }

    [Fact]
    public void GoldensCoverTheLanguagesTheIssueNames()
    {
        var goldens = Directory.EnumerateFiles(SourceDir, "*.expected.html").Select(File.ReadAllText).ToList();
        foreach (var language in new[] { "language-python", "language-csharp", "language-bash", "language-yaml", "language-js" })
        {
            Assert.Contains(goldens, g => g.Contains($"<pre class=\"hl\" tabindex=\"0\"><code class=\"{language}\">", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void FallbacksAreByteForByteWhatMarkdigWrites()
    {
        var markdown = File.ReadAllText(Path.Combine(SourceDir, "fallbacks.md"));
        var (html, rendered, diagnostics) = MarkdownTestKit.Render(markdown);
        Assert.Equal(MarkdownTestKit.RenderPlain(markdown), html);
        Assert.False(rendered.HasHighlight);
        Assert.Contains("<div class=\"math\">", html, StringComparison.Ordinal);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("SG0800", warning.Code);
    }
}
