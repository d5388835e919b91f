using Markdig;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Highlighting;
using SiteGen.Markdown;
using SiteGen.Markdown.Extensions.Highlighting;

namespace SiteGen.Tests.Markdown;

/// <summary>Renders Markdown bodies as the build does (page context, links index), without KaTeX.</summary>
internal static class MarkdownTestKit
{
    /// <summary>
    /// One highlighter for the tests that need no special settings; it is thread-safe. Its time limits are far
    /// out of reach, so goldens never depend on how loaded the machine is (the limits have their own tests).
    /// </summary>
    public static CodeHighlighter Highlighter { get; } = new(Unhurried(HighlightSettings.Default));

    /// <summary><paramref name="settings"/> with time limits no test can reach.</summary>
    public static HighlightSettings Unhurried(HighlightSettings settings) =>
        settings with { LineTimeLimit = TimeSpan.FromMinutes(5), BlockTimeLimit = TimeSpan.FromMinutes(10) };

    /// <summary>The site pipeline with <paramref name="highlighter"/>, or without highlighting when null.</summary>
    public static MarkdownPipeline Pipeline(CodeHighlighter? highlighter) =>
        highlighter is null
            ? MarkdownPipelineFactory.CreateBuilder().Build()
            : MarkdownPipelineFactory.CreateBuilder().UseHighlighting(highlighter).Build();

    /// <summary>A page of <paramref name="markdown"/> whose body starts at line 5 of <paramref name="sourcePath"/>.</summary>
    public static Page Page(string markdown, string sourcePath = "content/test.md", string slug = "test") =>
        new(sourcePath, slug, "Test", slug, null, [], [], false, null, markdown, BodyLine: 5);

    public static (string Html, RenderedPage Rendered, IReadOnlyList<Diagnostic> Diagnostics) Render(
        string markdown, CodeHighlighter? highlighter = null)
    {
        var bag = new DiagnosticBag();
        var rendered = new RenderMarkdown(Pipeline(highlighter ?? Highlighter)).RenderOne(Page(markdown), bag);
        return (rendered.Html, rendered, bag.Snapshot());
    }

    /// <summary>Markdig's own output for <paramref name="markdown"/>: the site pipeline without highlighting.</summary>
    public static string RenderPlain(string markdown) =>
        new RenderMarkdown(Pipeline(null)).RenderOne(Page(markdown), new DiagnosticBag()).Html;
}
