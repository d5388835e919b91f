using Markdig.Syntax;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown.Extensions.Mathematics;

namespace SiteGen.Markdown;

/// <summary>Gives the KaTeX renderers each page's file and line offset, and reads back whether it had math.</summary>
public sealed class KatexDocumentContext : IDocumentContext
{
    public bool Attach(MarkdownDocument document, Page page, DiagnosticBag diagnostics)
    {
        // Markdig counts lines from 0 within the body; the body starts at page.BodyLine of the file.
        document.SetData(typeof(MathRenderContext), new MathRenderContext(page.SourcePath, page.BodyLine - 1, diagnostics));
        return false;
    }

    public bool HasMath(MarkdownDocument document) =>
        document.GetData(typeof(MathRenderContext)) is MathRenderContext { HasMath: true };
}
