using System.Text;
using System.Text.Json;
using SiteGen.Import.Syndication;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Properties;

/// <summary>
/// Shrunk counterexamples <see cref="SyndicationImportProperties"/> found, kept as ordinary tests (each names the bug
/// it found); each builds a whole site from one small feed and checks the same properties.
/// </summary>
public sealed class SyndicationCounterexamples
{
    [Theory]
    // Found with seed 7MMJrvYMTtx1: after U+2028 the HTML converter added no space after the closing '$' (it took
    // char.IsWhiteSpace for Markdig's whitespace), so the formula stayed "$\alpha_t$" text on the page.
    [InlineData("〔正文000〕 可逆变换\\(\\alpha_t\\)\u2028，尾巴")]
    [InlineData("〔正文000〕 前面\u2029\\(x^2\\)后面")]
    [InlineData("〔正文000〕 前面\u0085\\(x^2\\)\u0085后面")]
    public void FormulaNextToALineSeparatorInAnItemIsTypeset(string html)
    {
        var markdown = new HtmlToMarkdown().Convert(new ItemBody(html, IsHtml: true), 2, null).Markdown;
        Assert.DoesNotMatch(@"[\u0085\u2028\u2029]\$|\$[\u0085\u2028\u2029]", markdown);
        BuildsIntoExactlyOnePage(JsonFeed(html));
    }

    [Theory]
    // Found with seed 5OS39mhKTtT1: a CR inside "\(x\\( \)" made the inline formula span two lines; Markdig's inline
    // math stops at a line break, so "$x\⏎\($" was text on the page and its backslashes were read as escapes.
    [InlineData("〔正文000〕 /y'\\(x\\\r\\( \\)", "$x\\ \\($")]
    [InlineData("〔正文000〕 前 \\(a +\nb\\) 后", "$a + b$")]
    [InlineData("〔正文000〕 前 <em>\\[a +\r\nb\\]</em> 后", "$a + b$")]
    public void InlineFormulaOverSeveralLinesIsTypesetOnOne(string html, string expected)
    {
        var markdown = new HtmlToMarkdown().Convert(new ItemBody(html, IsHtml: true), 2, null).Markdown;
        Assert.Contains(expected, markdown, StringComparison.Ordinal);
        BuildsIntoExactlyOnePage(JsonFeed(html));
    }

    [Theory]
    // TeX reads a blank line as a paragraph and '%' as a comment to the end of its line: joining the lines would change
    // what the formula says, so it stays text (and so every character stays on the page).
    [InlineData("〔正文000〕 前 \\(a\n\nb\\) 后")]
    [InlineData("〔正文000〕 前 \\(a % note\nb\\) 后")]
    public void InlineFormulaThatCannotBeJoinedStaysText(string html)
    {
        var converted = new HtmlToMarkdown().Convert(new ItemBody(html, IsHtml: true), 2, null);
        Assert.DoesNotContain("$", converted.Markdown, StringComparison.Ordinal);
        Assert.Single(converted.Formulas);
        BuildsIntoExactlyOnePage(JsonFeed(html));
    }

    /// <summary>A JSON Feed file whose items have these <c>content_html</c> bodies.</summary>
    internal static Dictionary<string, byte[]> JsonFeed(params string[] bodies) => new()
    {
        ["030-feed.json"] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            version = "https://jsonfeed.org/version/1.1",
            title = "JSON",
            items = bodies.Select((body, i) => new { id = $"urn:{i}", content_html = body }),
        })),
    };

    internal static void BuildsIntoExactlyOnePage(Dictionary<string, byte[]> files)
    {
        using var cache = new TempDir();
        SyndicationImportProperties.Check(files, cache.Path);
    }
}
