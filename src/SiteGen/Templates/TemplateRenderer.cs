using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>
/// Renders pages of one site with a <see cref="TemplateSet"/>: each render takes a pooled context (a Scriban
/// context is not thread-safe; the parsed templates are), so pages render in parallel. Contexts are strict
/// (a misspelt name is an error naming the template and line) and bounded (loops sized to the site, include
/// depth, output size: over a limit is an error, never silent truncation).
/// </summary>
public sealed class TemplateRenderer
{
    /// <summary>Largest page the templates may write.</summary>
    public const int OutputLimit = 32 * 1024 * 1024;

    /// <summary>How deep includes (and template functions) may nest.</summary>
    public const int RecursiveLimit = 64;

    private static readonly ScriptObject Builtins = ReadOnlyBuiltins();

    private readonly TemplateSet _set;
    private readonly ScriptObject _functions;
    private readonly ConcurrentBag<SiteGenContext> _pool = [];
    private readonly CatalogLoader _loader;

    internal TemplateRenderer(TemplateSet set, ThemeWords words, int items)
    {
        _set = set;
        Words = words;
        LoopLimit = Math.Max(10_000, 4 * items);
        _loader = new CatalogLoader(set.Templates);
        _functions = ThemeFunctions.Create(words);
    }

    public ThemeWords Words { get; }

    /// <summary>Iterations a render may run in all its loops together (Scriban counts them cumulatively).</summary>
    public int LoopLimit { get; }

    /// <summary>
    /// Renders <c>pages/&lt;page&gt;.sbn-html</c> with <paramref name="model"/> (plain data, see <see cref="TemplateModel"/>)
    /// inside the layout; throws <see cref="TemplateRenderException"/> with the template's file, line and column.
    /// </summary>
    /// <param name="pageUrl">The page being rendered, for the message.</param>
    public string Render(string page, IReadOnlyDictionary<string, object?> model, string pageUrl)
    {
        var context = Rent();
        try
        {
            context.PushGlobal(_functions);
            context.PushGlobal(TemplateModel.Root(model));
            var body = Template(TemplateSet.PagePath(page)).Render(context);
            context.PushGlobal(TemplateModel.Root([new("content", body)]));
            return Template(TemplateSet.Layout).Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateRenderException(TemplateErrors.From(e, pageUrl, this));
        }
        finally
        {
            context.Reset();
            _pool.Add(context);
        }
    }

    private Template Template(string path) =>
        _set.Templates.TryGetValue(path, out var template)
            ? template
            : throw new TemplateRenderException(Diagnostic.Error("SG0408", path, 0, 0, $"the theme has no template {path}; restore it in templates/ or remove the file that hides it"));

    private SiteGenContext Rent()
    {
        if (_pool.TryTake(out var context))
        {
            return context;
        }

        return new SiteGenContext(Builtins, _set.Templates)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedIndexerAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = OutputLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            NewLine = "\n",
            AutoIndent = false,
            TemplateLoader = _loader,
        };
    }

    /// <summary>Scriban's built-in functions, shared by every context and read-only, without the ones that run text as a template.</summary>
    private static ScriptObject ReadOnlyBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        if (builtins["object"] is ScriptObject objectFunctions)
        {
            objectFunctions.Remove("eval");
            objectFunctions.Remove("eval_template");
        }

        foreach (var value in builtins.Values)
        {
            if (value is ScriptObject module)
            {
                module.IsReadOnly = true;
            }
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary>A context whose includes resolve to the theme's pre-parsed templates: nothing is parsed while rendering.</summary>
    private sealed class SiteGenContext(ScriptObject builtins, IReadOnlyDictionary<string, Template> templates) : TemplateContext(builtins)
    {
        protected override Template CreateTemplate(string templatePath, ScriptNode? callerNode) =>
            templates.TryGetValue(templatePath, out var template)
                ? template
                : throw new UnknownTemplateException(callerNode?.Span ?? default, templatePath);
    }
}

/// <summary>Serves only the catalogue's names; a name outside it (<c>../x</c>, an absolute path, a typo) is an error at the include.</summary>
internal sealed class CatalogLoader(IReadOnlyDictionary<string, Template> templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        templates.ContainsKey(templateName) ? templateName : throw new UnknownTemplateException(callerSpan, templateName);

    // Never reached: the context returns parsed templates by path; kept honest for any other caller.
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new UnknownTemplateException(callerSpan, templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new UnknownTemplateException(callerSpan, templatePath);
}

/// <summary>An include named no template of the catalogue.</summary>
internal sealed class UnknownTemplateException(SourceSpan span, string name)
    : ScriptRuntimeException(span, $"include '{name}' names no template of the theme")
{
    public string Name { get; } = name;
}
