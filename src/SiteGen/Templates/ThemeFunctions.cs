using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// The functions SiteGen adds for templates, one read-only object per renderer:
/// <c>escape</c> (HTML-escape <c>&lt;&gt;&amp;"'</c> only), <c>t 'word' args…</c> (a theme word in the site's
/// language, escaped, holes filled with escaped arguments) and <c>safe_url</c> (neutralises script URLs; escape after it).
/// </summary>
internal static class ThemeFunctions
{
    public static ScriptObject Create(ThemeWords words)
    {
        var functions = new ScriptObject();
        functions.Import("escape", new Func<object?, string>(value => TemplateEscaping.Escape(TemplateEscaping.ToText(value))));
        functions.Import("safe_url", new Func<object?, string>(value => TemplateEscaping.SafeUrl(TemplateEscaping.ToText(value))));
        functions.Import("t", new Func<TemplateContext, SourceSpan, string, object?[], string>((context, span, key, args) =>
            words.Has(key)
                ? words.FormatHtml(key, args)
                : throw new ScriptRuntimeException(span, $"the theme has no word '{key}'")));
        functions.IsReadOnly = true;
        return functions;
    }
}
