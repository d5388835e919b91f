namespace SiteGen.Mathematics;

/// <summary>
/// One rendered formula. <see cref="Html"/> is always usable: KaTeX's output, KaTeX's own red error
/// rendering when <see cref="Error"/> holds a ParseError message, or escaped source in a
/// <c>katex-error</c> span when <see cref="IsFallback"/> (a safety limit tripped or the engine failed).
/// </summary>
public sealed record FormulaResult(string Html, string? Error, bool FromCache)
{
    /// <summary>KaTeX strict-mode warnings, e.g. <c>unicodeTextInMathMode</c> for CJK outside <c>\text{}</c>.</summary>
    public IReadOnlyList<FormulaWarning> Warnings { get; init; } = [];

    /// <summary>True when KaTeX produced no output and <see cref="Html"/> is the escaped-source fallback.</summary>
    public bool IsFallback { get; init; }
}

/// <summary>A KaTeX strict-mode report: its error code (e.g. <c>unicodeTextInMathMode</c>) and message.</summary>
public sealed record FormulaWarning(string Code, string Message);
