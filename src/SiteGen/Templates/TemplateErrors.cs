using Scriban.Syntax;
using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>A template failed while rendering a page; the diagnostic names the template's file, line and column.</summary>
public sealed class TemplateRenderException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}

/// <summary>Turns Scriban's runtime exceptions into located diagnostics with a fix hint.</summary>
internal static class TemplateErrors
{
    public static Diagnostic From(ScriptRuntimeException e, string pageUrl, TemplateRenderer renderer)
    {
        var span = e.Span;
        var file = string.IsNullOrEmpty(span.FileName) ? "templates" : span.FileName;
        var (line, column) = string.IsNullOrEmpty(span.FileName) ? (0, 0) : (span.Start.Line + 1, span.Start.Column + 1);
        var message = e.OriginalMessage ?? e.Message;
        var where = $" (rendering {(pageUrl.Length == 0 ? "the home page" : pageUrl)})";
        return e switch
        {
            UnknownTemplateException unknown => Diagnostic.Error("SG0408", file, line, column,
                $"include '{unknown.Name}' names no template of the theme{where}; use a path below templates/, e.g. 'partials/article-card.sbn-html'"),
            ScriptParserRuntimeException parser => Diagnostic.Error("SG0402", file, line, column,
                $"included template does not parse: {string.Join("; ", parser.ParserMessages.Select(m => m.ToString()))}{where}"),
            _ when message.Contains("LoopLimit", StringComparison.Ordinal) => Diagnostic.Error("SG0409", file, line, column,
                $"loops ran more than {renderer.LoopLimit:N0} times in one page{where}; SiteGen sizes this limit to the site (4 per article and tag, at least 10,000): check for a runaway or nested loop"),
            _ when message.Contains("RecursiveLimit", StringComparison.Ordinal) || message.Contains("recursive", StringComparison.OrdinalIgnoreCase) => Diagnostic.Error("SG0409", file, line, column,
                $"includes or functions nest deeper than {TemplateRenderer.RecursiveLimit}{where}; a partial probably includes itself"),
            _ when message.Contains("OutputLimit", StringComparison.Ordinal) || message.Contains("LimitToString", StringComparison.Ordinal) => Diagnostic.Error("SG0409", file, line, column,
                $"the page grew past {TemplateRenderer.OutputLimit / (1024 * 1024)} MiB{where}; check for a loop that writes too much"),
            _ => Diagnostic.Error("SG0404", file, line, column,
                $"template failed: {message}{where}; check the names against the model in docs/theme.md (every key is always present, null when empty)"),
        };
    }
}
