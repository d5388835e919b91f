using AngleSharp.Html.Parser;
using Markdig;
using SiteGen.Diagnostics;
using SiteGen.Highlighting;
using SiteGen.Markdown;
using SiteGen.Markdown.Extensions.Highlighting;

namespace SiteGen.Tests.Markdown;

public sealed class HighlightingExtensionTests
{
    [Fact]
    public void MarkupInsideABlockComesOutInert()
    {
        const string code = "</code></pre><script>alert(\"x\")</script><img src=x onerror=alert(1)> &amp; &lt;";
        var (html, rendered, _) = MarkdownTestKit.Render($"```csharp\n{code}\n```\n\n```html\n{code}\n```\n");
        Assert.True(rendered.HasHighlight);
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        Assert.Empty(document.QuerySelectorAll("script, img"));
        var blocks = document.QuerySelectorAll("pre.hl > code");
        Assert.Equal(2, blocks.Length);
        // Escaped exactly once: the reader sees the code as written, entities included.
        Assert.All(blocks, b => Assert.Equal(code + "\n", b.TextContent));
        Assert.Equal(2, document.Body!.Children.Length);
    }

    [Fact]
    public void LanguageNameIsEscapedInTheClass()
    {
        var highlighter = new CodeHighlighter(HighlightSettings.Default with
        {
            ScopeOverrides = new Dictionary<string, string> { ["c\"s<x>"] = "source.cs" },
        });
        var (html, _, _) = MarkdownTestKit.Render("```c\"s<x>\nvar x = 1;\n```\n", highlighter);
        Assert.StartsWith("<pre class=\"hl\" tabindex=\"0\"><code class=\"language-c&quot;s&lt;x&gt;\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownLanguageIsAWarningAtTheFenceAndRendersAsMarkdigDoes()
    {
        const string markdown = "Intro\n\n> ```klingon\n> Qapla'\n> ```\n";
        var (html, rendered, diagnostics) = MarkdownTestKit.Render(markdown);
        Assert.Equal(MarkdownTestKit.RenderPlain(markdown), html);
        Assert.False(rendered.HasHighlight);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("SG0800", warning.Code);
        Assert.Equal("content/test.md", warning.File);
        // The body starts at line 5 of the file; the fence is on its third line, after "> ".
        Assert.Equal(7, warning.Line);
        Assert.Equal(3, warning.Column);
        Assert.Contains("'klingon'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenizerFailureFallsBackToMarkdigWithAWarning()
    {
        var highlighter = new CodeHighlighter(HighlightSettings.Default with
        {
            ScopeOverrides = new Dictionary<string, string> { ["broken"] = "source.no-such-grammar" },
        });
        const string markdown = "```broken\nx < y\n```\n";
        var (html, rendered, diagnostics) = MarkdownTestKit.Render(markdown, highlighter);
        Assert.Equal(MarkdownTestKit.RenderPlain(markdown), html);
        Assert.False(rendered.HasHighlight);
        Assert.Equal("SG0801", Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MathBlocksStayMathWhicheverExtensionComesFirst(bool highlightingFirst)
    {
        var builder = new MarkdownPipelineBuilder();
        builder = highlightingFirst
            ? builder.UseHighlighting(MarkdownTestKit.Highlighter).UseMathematics()
            : builder.UseMathematics().UseHighlighting(MarkdownTestKit.Highlighter);
        var html = Markdig.Markdown.ToHtml("$$\na < b\n$$\n\n```python\nx = 1\n```\n", builder.Build());
        Assert.StartsWith("<div class=\"math\">\n\\[\na &lt; b\n\\]</div>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"hl\" tabindex=\"0\"><code class=\"language-python\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SetupIsIdempotent()
    {
        var pipeline = new MarkdownPipelineBuilder().UseHighlighting(MarkdownTestKit.Highlighter).UseHighlighting(MarkdownTestKit.Highlighter).Build();
        Assert.Single(pipeline.Extensions.OfType<HighlightingExtension>());
        var renderer = new Markdig.Renderers.HtmlRenderer(new StringWriter());
        pipeline.Setup(renderer);
        pipeline.Setup(renderer);
        Assert.Single(renderer.ObjectRenderers.OfType<HtmlHighlightedCodeBlockRenderer>());
    }

    [Theory]
    [InlineData("python", "source.python")]
    [InlineData("py", "source.python")]
    [InlineData("Python", "source.python")]
    [InlineData("C#", "source.cs")]
    [InlineData("cs", "source.cs")]
    [InlineData("csharp", "source.cs")]
    [InlineData("sh", "source.shell")]
    [InlineData("bash", "source.shell")]
    [InlineData("console", "source.shell")]
    [InlineData("yml", "source.yaml")]
    [InlineData("yaml", "source.yaml")]
    [InlineData("js", "source.js")]
    [InlineData("javascript", "source.js")]
    [InlineData("ts", "source.ts")]
    [InlineData("json", "source.json")]
    [InlineData("cpp", "source.cpp")]
    public void LanguageNamesResolveToTheirGrammar(string info, string scope)
    {
        var language = MarkdownTestKit.Highlighter.Resolve(info);
        Assert.Equal(CodeLanguageKind.Known, language.Kind);
        Assert.Equal(scope, language.Scope);
    }

    [Theory]
    [InlineData("", CodeLanguageKind.Plain)]
    [InlineData("text", CodeLanguageKind.Plain)]
    [InlineData("TXT", CodeLanguageKind.Plain)]
    [InlineData("plain", CodeLanguageKind.Plain)]
    [InlineData("klingon", CodeLanguageKind.Unknown)]
    [InlineData("../etc/passwd", CodeLanguageKind.Unknown)]
    public void OtherNamesArePlainOrUnknown(string info, CodeLanguageKind kind)
    {
        Assert.Equal(kind, MarkdownTestKit.Highlighter.Resolve(info).Kind);
    }

    [Fact]
    public void VeryLongLinesArePlainAndTheLinesAroundThemStillColoured()
    {
        var longLine = "var data = [" + string.Join(", ", Enumerable.Range(0, 400)) + "];";
        Assert.True(longLine.Length > HighlightSettings.Default.MaxLineLength);
        var (html, _, _) = MarkdownTestKit.Render($"```js\nconst a = 1;\n{longLine}\nconst b = 2;\n```\n");
        var lines = html.Split('\n');
        Assert.Contains("<span", lines[0], StringComparison.Ordinal);
        Assert.Equal(longLine, lines[1]);
        Assert.Contains("<span", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ATimedOutLineIsPlainAndTheResultIsMarkedIncomplete()
    {
        using var highlighter = new CodeHighlighter(HighlightSettings.Default with { LineTimeLimit = TimeSpan.Zero });
        var language = highlighter.Resolve("python");
        var result = highlighter.Highlight(language, ["x = 1", "y = 'two'"]);
        Assert.Equal("x = 1\ny = 'two'\n", result.Html);
        Assert.False(result.Complete);
    }

    [Fact]
    public void ParallelRenderingEqualsSequentialRendering()
    {
        using var highlighter = new CodeHighlighter(MarkdownTestKit.Unhurried(HighlightSettings.Default) with { HighlighterCount = 2 });
        var pipeline = MarkdownTestKit.Pipeline(highlighter);
        var samples = new[]
        {
            "```python\ndef f(x):\n    return x * {0}\n```\n",
            "```csharp\nvar x = {0}; // c\n```\n",
            "```bash\necho \"{0}\" | wc -c\n```\n",
            "```yaml\nkey: {0}\nlist: [a, b]\n```\n",
            "```js\nconst v = `{0}`;\n```\n",
        };
        var pages = Enumerable.Range(0, 200)
            .Select(i => MarkdownTestKit.Page(string.Format(System.Globalization.CultureInfo.InvariantCulture, samples[i % samples.Length], i % 40), $"content/p{i}.md", $"p{i}"))
            .ToList();
        var parallel = new RenderMarkdown(pipeline).Run(pages, new DiagnosticBag()).Select(r => r.Html).ToList();
        using var sequentialHighlighter = new CodeHighlighter(MarkdownTestKit.Unhurried(HighlightSettings.Default) with { HighlighterCount = 1 });
        var sequentialPipeline = MarkdownTestKit.Pipeline(sequentialHighlighter);
        var sequential = pages.Select(p => new RenderMarkdown(sequentialPipeline).RenderOne(p, new DiagnosticBag()).Html).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.True(sequential[i] == parallel[i], $"page {i}:\n{sequential[i]}\n---\n{parallel[i]}");
        }
        Assert.All(parallel, html => Assert.Contains("<pre class=\"hl\" tabindex=\"0\">", html, StringComparison.Ordinal));
        // 40 distinct snippets: each was highlighted once, the other 160 blocks came from memory.
        Assert.Equal(40, highlighter.HighlightedCount);
    }
}
