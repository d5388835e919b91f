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
/// <remarks>
/// They implement Scriban's function interface directly: an imported delegate converts every argument through
/// reflection, which took a sixth of the render time of a page (a page calls these a hundred times or more).
/// </remarks>
internal static class ThemeFunctions
{
    public static ScriptObject Create(ThemeWords words)
    {
        var functions = new ScriptObject
        {
            ["escape"] = new Function(1, ScriptVarParamKind.None, (_, arguments) => TemplateEscaping.Escape(TemplateEscaping.ToText(arguments[0]))),
            ["safe_url"] = new Function(1, ScriptVarParamKind.None, (_, arguments) => TemplateEscaping.SafeUrl(TemplateEscaping.ToText(arguments[0]))),
            ["t"] = new Function(1, ScriptVarParamKind.Direct, (caller, arguments) =>
            {
                var key = TemplateEscaping.ToText(arguments[0]);
                if (!words.Has(key))
                {
                    throw new ScriptRuntimeException(caller, $"the theme has no word '{key}'");
                }

                var args = new object?[arguments.Count - 1];
                for (var i = 1; i < arguments.Count; i++)
                {
                    args[i - 1] = arguments[i];
                }

                return words.FormatHtml(key, args);
            }),
        };
        functions.IsReadOnly = true;
        return functions;
    }

    private sealed class Function(int required, ScriptVarParamKind varParams, Func<SourceSpan, ScriptArray, string> invoke) : IScriptCustomFunction
    {
        public int RequiredParameterCount => required;

        public int ParameterCount => required;

        public ScriptVarParamKind VarParamKind => varParams;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            invoke(callerContext?.Span ?? default, arguments);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
