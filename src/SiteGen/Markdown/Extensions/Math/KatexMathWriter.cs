using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Mathematics;

namespace SiteGen.Markdown.Extensions.Mathematics;

/// <summary>What the inline and block renderers share: rendering one formula and reporting its problems.</summary>
internal static partial class KatexMathWriter
{
    public const string DocumentHasMathKey = "has-math";

    public static string Render(KatexRenderer katex, string tex, bool displayMode, MarkdownObject source)
    {
        var result = katex.Render(tex, displayMode);
        var document = MarkdownDocuments.Containing(source);
        document?.SetData(DocumentHasMathKey, true);
        if (document?.GetData(typeof(MathRenderContext)) is MathRenderContext context)
        {
            context.CountFormula();
            Report(context, result, tex, source);
        }

        return result.Html;
    }

    private static void Report(MathRenderContext context, FormulaResult result, string tex, MarkdownObject source)
    {
        var line = source.Line + context.LineOffset + 1;
        var column = source.Column + 1;
        var shown = Shorten(tex);
        if (result.IsFallback)
        {
            context.Diagnostics.Warning("SG0303", context.File, line, column,
                $"formula '{shown}' was not rendered ({result.Error}); it is shown as source. Simplify or split the formula.");
        }
        else if (result.Error is not null)
        {
            context.Diagnostics.Warning("SG0301", context.File, line, column,
                $"TeX error in formula '{shown}': {result.Error}");
        }

        // KaTeX reports each character; one diagnostic per formula is what a writer can act on.
        var characters = result.Warnings
            .Where(w => w.Code == "unicodeTextInMathMode")
            .Select(w => QuotedCharacter().Match(w.Message) is { Success: true } m ? m.Groups[1].Value : w.Message)
            .Distinct()
            .ToList();
        if (characters.Count > 0)
        {
            context.Diagnostics.Warning("SG0302", context.File, line, column,
                $"formula '{shown}' has text outside \\text{{}} ({string.Join("", characters)}); wrap it in \\text{{…}}.");
        }
    }

    private static string Shorten(string tex)
    {
        var flat = string.Join(' ', tex.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= 80 ? flat : string.Concat(flat.AsSpan(0, 77), "...");
    }

    [GeneratedRegex("\"(.+?)\"")]
    private static partial Regex QuotedCharacter();
}
