using SiteGen.Diagnostics;

namespace SiteGen.Markdown.Extensions.Mathematics;

/// <summary>
/// Per-document state the KaTeX renderers need, stored on the parsed document with
/// <c>document.SetData(typeof(MathRenderContext), context)</c>: where the Markdown came from (so TeX
/// errors carry true positions; <paramref name="LineOffset"/> counts lines before the Markdown, such
/// as front matter) and where diagnostics go. After rendering, <see cref="FormulaCount"/> tells
/// whether the page needs the KaTeX stylesheet.
/// </summary>
public sealed record MathRenderContext(string File, int LineOffset, DiagnosticBag Diagnostics)
{
    private int _formulaCount;

    /// <summary>Formulas rendered in this document so far.</summary>
    public int FormulaCount => Volatile.Read(ref _formulaCount);

    /// <summary>True once the document rendered at least one formula: the page must link the KaTeX CSS.</summary>
    public bool HasMath => FormulaCount > 0;

    internal void CountFormula() => Interlocked.Increment(ref _formulaCount);
}
