using CsCheck;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Markdown.Extensions.Mathematics;
using SiteGen.Mathematics;
using Xunit.Abstractions;

namespace SiteGen.Tests.Properties;

/// <summary>
/// Property: random Markdown (the content/ side, written by people) never throws out of the renderer, with the
/// real pipeline and KaTeX. <see cref="RenderMarkdown.RenderOne"/> turns any exception into SG0210, so the
/// property is stronger than "no exception": the only SG0210 allowed is Markdig's documented depth limit;
/// anything else would be a bug caught and hidden.
/// </summary>
[Collection("Processes")]
public sealed class MarkdownProperties(MarkdownProperties.Renderer renderer, ITestOutputHelper output) : IClassFixture<MarkdownProperties.Renderer>
{
    /// <summary>One KaTeX engine pool for all cases.</summary>
    public sealed class Renderer : IDisposable
    {
        public KatexRenderer Katex { get; } = new(KatexSettings.Default);

        public RenderMarkdown Markdown => new(MarkdownPipelineFactory.CreateBuilder().UseKatexMath(Katex).Build(), new KatexDocumentContext());

        public void Dispose() => Katex.Dispose();
    }

    private static readonly string[] Tokens =
    [
        "文字", "English words", " ", "  ", "\n", "\n\n", "\t", "# ", "## ", "###### ", "> ", ">>", "- ", "* ", "+ ", "1. ", "2) ",
        "*", "**", "_", "__", "~~", "`", "``", "```\n", "~~~", "    code", "---\n", "===\n", "|", "| a | b |\n|---|---|\n", ":---:",
        "[", "]", "(", ")", "[x](", "![y](", "<", ">", "<div>", "</div>", "<script>", "<!--", "-->", "&", "&amp;", "&#0;", "&#x110000;",
        "\\", "\\\\", "$", "$$", "$x^2$", "$$\n\\frac{a}{b}\n$$\n", "\\(", "\\)", "\\[", "\\]", "{", "}", "^", "_", "\\frac", "\\begin{aligned}",
        "\\end{aligned}", "\\text{中}", "\\def\\a{\\a}\\a", "[公式]", "[Math]", "[代码]", "[^1]", "[^1]: 注\n", "[ref]: http://x\n",
        "<https://example.org>", "https://example.org", "😀", "👨‍👩‍👧", "\u200B", "\u00A0", "\uFFFD", "\u0000", "\u001B", "\r\n", "\r",
    ];

    private static readonly Gen<string> Document = Gen.Frequency(
        (40, Gen.OneOf(Tokens)),
        (1, Gen.Select(Gen.OneOf(">", "- ", "[", "*", "> - ", "1. "), Gen.Int[1, 300], (t, n) => string.Concat(Enumerable.Repeat(t, n)))),
        (10, Gen.String[Gen.Char[' ', '~'], 1, 12]))
        .Array[0, 100].Select(string.Concat);

    [Fact]
    public void RandomMarkdownNeverThrowsOutOfTheRenderer()
    {
        var cases = 0;
        var depthLimited = 0;
        var markdownRenderer = renderer.Markdown;
        Document.Sample(markdown =>
        {
            Interlocked.Increment(ref cases);
            var bag = new DiagnosticBag();
            var page = new Page("content/random.md", "random", "随机", "random", null, [], [], false, null, markdown, 5);
            var rendered = markdownRenderer.RenderOne(page, bag);
            Assert.NotNull(rendered.Html);
            foreach (var failure in bag.Snapshot().Where(d => d.Code == "SG0210"))
            {
                Assert.Contains("too deeply nested", failure.Message, StringComparison.Ordinal);
                Interlocked.Increment(ref depthLimited);
            }
        }, iter: FeedImportProperties.Cases(12) * 10, threads: 1);
        output.WriteLine($"{cases} random Markdown documents rendered; {depthLimited} hit Markdig's depth limit (SG0210), no other exception");
    }
}
