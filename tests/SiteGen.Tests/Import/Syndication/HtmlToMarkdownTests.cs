using System.Text;
using AngleSharp.Dom;
using SiteGen.Import.Syndication;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import.Syndication;

/// <summary>
/// <c>TestFiles/Import/Html/&lt;case&gt;.html</c> (or <c>.txt</c> for a plain-text body) → <c>&lt;case&gt;.expected.md</c>:
/// the Markdown, what was left out, and the reduced text. Every case must render back (Markdig) to its reduced text.
/// </summary>
public sealed class HtmlToMarkdownTests
{
    private static readonly Uri Base = new("https://example.com/blog/post/");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(ImportTestKit.TestFiles, "Html")).Where(f => !f.EndsWith(".expected.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesGoldenAndRendersItsText(string file)
    {
        var source = File.ReadAllText(Path.Combine(ImportTestKit.TestFiles, "Html", file));
        var converted = new HtmlToMarkdown().Convert(new ItemBody(source, IsHtml: file.EndsWith(".html", StringComparison.Ordinal)), 2, Base);
        var actual = converted.Markdown
            + $"\n----- left out: {converted.Removed}; formulas kept as text: {string.Join(", ", converted.Formulas)}\n"
            + "----- text\n" + converted.Text + "\n";
        Golden.AssertMatches($"Import/Html/{Path.GetFileNameWithoutExtension(file)}.expected.md", actual);
        Assert.Equal(ImportTestKit.Squash(converted.Text), RenderedText(converted.Markdown));
    }

    [Fact]
    public void HeadingsStartAtTheRequestedLevel()
    {
        var converter = new HtmlToMarkdown();
        Assert.Equal("## a\n\n### b\n", converter.Convert(new ItemBody("<h1>a</h1><h2>b</h2>", true), 2, null).Markdown);
        Assert.Equal("## a\n\n### b\n", converter.Convert(new ItemBody("<h2>a</h2><h3>b</h3>", true), 2, null).Markdown);
        Assert.Equal("#### a\n\n###### b\n", converter.Convert(new ItemBody("<h2>a</h2><h6>b</h6>", true), 4, null).Markdown);
    }

    /// <summary>
    /// Random inline markup (seeded, so every run checks the same 3,000 cases): whatever emphasis survives, the page
    /// shows the text and nothing else — no delimiter ever leaks as a visible '*'.
    /// </summary>
    [Fact]
    public void RandomInlineMarkupAlwaysRendersItsText()
    {
        var random = new Random(20261122);
        string[] words = ["中文", "“引号”", "word", "x", "(括号)", "。", "!", "a.b", " ", "  ", "1.", "-", "*", "_", "$", "\\(y\\)", "https://e.org/p"];
        string[] tags = ["b", "i", "strong", "em", "code", "a", "span"];
        var converter = new HtmlToMarkdown();
        for (var n = 0; n < 3000; n++)
        {
            var html = new StringBuilder("<p>");
            Build(html, random, words, tags, depth: 0);
            html.Append("</p>");
            var converted = converter.Convert(new ItemBody(html.ToString(), true), 2, Base);
            var rendered = RenderedText(converted.Markdown);
            Assert.True(ImportTestKit.Squash(converted.Text) == rendered, $"{html}\n→ {converted.Markdown}\n→ {rendered}");
        }
    }

    private static void Build(StringBuilder html, Random random, string[] words, string[] tags, int depth)
    {
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            if (depth < 3 && random.Next(3) == 0)
            {
                var tag = tags[random.Next(tags.Length)];
                html.Append(tag == "a" ? "<a href=\"https://example.org/\">" : $"<{tag}>");
                Build(html, random, words, tags, depth + 1);
                html.Append($"</{tag}>");
            }
            else
            {
                html.Append(System.Net.WebUtility.HtmlEncode(words[random.Next(words.Length)]));
            }
        }
    }

    /// <summary>The Markdown rendered by the site's Markdig pipeline, as squashed text (image alt texts included).</summary>
    internal static string RenderedText(string markdown)
    {
        var text = new StringBuilder();
        Append(ImportTestKit.Parse(ImportTestKit.Html(markdown)).Body!, text);
        return ImportTestKit.Squash(text.ToString());

        static void Append(INode node, StringBuilder text)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText t: text.Append(t.Data); break;
                    case IElement { LocalName: "img" } img: text.Append(img.GetAttribute("alt")); break;
                    default: Append(child, text); break;
                }
            }
        }
    }
}
