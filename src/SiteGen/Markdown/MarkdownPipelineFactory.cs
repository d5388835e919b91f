using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using SiteGen.Markdown.Extensions.Links;
using SiteGen.Markdown.Extensions.Placeholders;

namespace SiteGen.Markdown;

/// <summary>
/// The one Markdig pipeline SiteGen renders with. Built once per build; Markdig pipelines are
/// immutable and thread-safe after <c>Build()</c>.
/// </summary>
public static class MarkdownPipelineFactory
{
    /// <summary>
    /// The extensions a technical site needs, and deliberately not the ones that rewrite text
    /// (SmartyPants, emoji shortcodes, ~sub~ and ^sup^, {attributes}): the page must show exactly what the writer typed.
    /// </summary>
    public static MarkdownPipelineBuilder CreateBuilder() =>
        new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UseMathematics()
            .UsePipeTables()
            .UseFootnotes()
            .UseAutoLinks()
            .UseTaskLists()
            // GitHub style keeps Unicode letters, so "## 测试" gets id "测试" rather than "section".
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePlaceholders()
            // Root-relative URLs and links to other pages' .md files, once a page context says where the page is.
            .UseSiteLinks()
            // Raw HTML shows as text (Hugo's unsafe=false): feed text is untrusted.
            .DisableHtml();

    /// <summary>Pipeline without KaTeX (math stays Markdig's <c>&lt;span class="math"&gt;</c>).</summary>
    public static MarkdownPipeline Create() => CreateBuilder().Build();
}
