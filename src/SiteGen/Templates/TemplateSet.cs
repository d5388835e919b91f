using System.Text.RegularExpressions;
using HandlebarsDotNet;
using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>
/// The compiled Handlebars templates of a site: every <c>*.hbs</c> at the top of <c>templates/</c> is a
/// page template, every <c>partials/*.hbs</c> a partial. Compiled once; a template that fails to compile
/// or render is an error, since it breaks every page that uses it.
/// </summary>
public sealed partial class TemplateSet
{
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _templates;
    private readonly string _root;

    private TemplateSet(string root, Dictionary<string, HandlebarsTemplate<object, object>> templates)
    {
        _root = root;
        _templates = templates;
    }

    /// <summary>Names of the page templates (file names without <c>.hbs</c>).</summary>
    public IReadOnlyCollection<string> Names => _templates.Keys;

    public static TemplateSet Load(string templatesDir, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(templatesDir);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            // A misspelt variable must fail loudly instead of leaving a silent hole in every page.
            ThrowOnUnresolvedBindingExpression = true,
        });
        TemplateHelpers.Register(handlebars);
        var templates = new Dictionary<string, HandlebarsTemplate<object, object>>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            diagnostics.Error("SG0401", templatesDir, 0, 0, "templates folder not found; pass --templates DIR or create templates/");
            return new TemplateSet(root, templates);
        }

        var partialsDir = Path.Combine(root, "partials");
        if (Directory.Exists(partialsDir))
        {
            foreach (var file in Directory.EnumerateFiles(partialsDir, "*.hbs").Order(StringComparer.Ordinal))
            {
                var source = ReadInside(root, file, diagnostics);
                if (source is not null)
                {
                    Compile(file, diagnostics, () => handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(file), source));
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(root, "*.hbs").Order(StringComparer.Ordinal))
        {
            var source = ReadInside(root, file, diagnostics);
            if (source is not null)
            {
                Compile(file, diagnostics, () => templates[Path.GetFileNameWithoutExtension(file)] = handlebars.Compile(source));
            }
        }

        return new TemplateSet(root, templates);
    }

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>Renders <paramref name="name"/>; throws <see cref="TemplateRenderException"/> naming the template on failure.</summary>
    public string Render(string name, object model)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new TemplateRenderException(TemplatePath(name), $"template '{name}.hbs' is missing from {_root}");
        }

        try
        {
            return template(model);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or TemplateRenderException))
        {
            // Handlebars.Net's binding errors do not all derive from HandlebarsException.
            throw new TemplateRenderException(TemplatePath(name), e.Message);
        }
    }

    private string TemplatePath(string name) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(_root, name + ".hbs")).Replace('\\', '/');

    /// <summary>The loader never reads outside the templates folder, even through a symbolic link.</summary>
    private static string? ReadInside(string root, string file, DiagnosticBag diagnostics)
    {
        var resolved = new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(file);
        if (!resolved.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            diagnostics.Error("SG0403", DisplayPath(file), 0, 0, $"template resolves to '{resolved}', outside the templates folder; copy it in instead of linking");
            return null;
        }

        return File.ReadAllText(resolved);
    }

    private static void Compile(string file, DiagnosticBag diagnostics, Action compile)
    {
        try
        {
            compile();
        }
        catch (Exception e) when (e is HandlebarsException or InvalidOperationException or ArgumentException)
        {
            var (line, column) = Position(e.Message);
            diagnostics.Error("SG0402", DisplayPath(file), line, column, $"template does not compile: {e.Message}");
        }
    }

    private static (int Line, int Column) Position(string message)
    {
        var match = PositionPattern().Match(message);
        return match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : (1, 1);
    }

    private static string DisplayPath(string file) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/');

    [GeneratedRegex(@"line:? ?(\d+)[^\d]+(?:column|col|char)[^\d]*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex PositionPattern();
}

/// <summary>A template failed while rendering a page.</summary>
public sealed class TemplateRenderException(string templatePath, string message) : Exception(message)
{
    public string TemplatePath { get; } = templatePath;
}
