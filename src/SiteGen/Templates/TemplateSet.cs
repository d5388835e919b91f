using System.Security.Cryptography;
using System.Text;
using Scriban;
using Scriban.Parsing;
using SiteGen.Common;
using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>
/// The theme a build uses, parsed once: the site's <c>templates/</c> over the embedded theme, every
/// <c>*.sbn-html</c> / <c>*.sbn-xml</c> parsed and checked for escaping at load (all problems reported, with
/// file, line and column), the words tables read, the assets listed. Immutable and shared across threads
/// and across the builds of a live preview; <see cref="Renderer"/> renders with it.
/// </summary>
public sealed class TemplateSet
{
    /// <summary>Wraps every page; its <c>content</c> is the page template's output.</summary>
    public const string Layout = "layouts/base.sbn-html";

    private static readonly string[] TemplateExtensions = [".sbn-html", ".sbn-xml"];

    private readonly IReadOnlyDictionary<string, Template> _templates;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _words;

    private TemplateSet(IReadOnlyDictionary<string, Template> templates, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> words,
        IReadOnlyList<ThemeFile> assets, string fingerprint)
    {
        _templates = templates;
        _words = words;
        Assets = assets;
        Fingerprint = fingerprint;
    }

    /// <summary>
    /// A content hash of everything in the theme that changes output: the source of every template, words
    /// table and asset actually used (embedded or overridden), their paths, and the template engine's version.
    /// Equal fingerprints render equal bytes from equal models and configuration.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The files below <c>assets/</c>, copied as they are to <c>site/assets/</c>.</summary>
    public IReadOnlyList<ThemeFile> Assets { get; }

    /// <summary>Catalogue names of the templates (<c>pages/home.sbn-html</c>, …), in ordinal order.</summary>
    public IEnumerable<string> Names => _templates.Keys.Order(StringComparer.Ordinal);

    /// <summary>True when the theme has the page template <c>pages/&lt;page&gt;.sbn-html</c>.</summary>
    public bool Has(string page) => _templates.ContainsKey(PagePath(page));

    internal static string PagePath(string page) => $"pages/{page}.sbn-html";

    internal IReadOnlyDictionary<string, Template> Templates => _templates;

    /// <summary>
    /// Loads the theme: <paramref name="templatesDir"/> over the embedded one. A missing folder means the
    /// embedded theme alone, unless <paramref name="folderRequired"/> (the user named it), which is SG0401.
    /// </summary>
    public static TemplateSet Load(string templatesDir, DiagnosticBag diagnostics, bool folderRequired = false)
    {
        var files = ThemeFiles.Load(templatesDir, folderRequired, diagnostics);
        var words = ThemeWords.ReadTables(files, diagnostics);
        var sources = files.Where(f => TemplateExtensions.Any(e => f.Path.EndsWith(e, StringComparison.Ordinal))).ToList();
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var file in sources)
        {
            // CRLF in a template would pass straight into the pages.
            var text = Encoding.UTF8.GetString(file.Bytes).ReplaceLineEndings("\n");
            var template = Template.Parse(text, file.DisplayPath, lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
            if (template.HasErrors)
            {
                foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                {
                    diagnostics.Error("SG0402", file.DisplayPath, message.Span.Start.Line + 1, message.Span.Start.Column + 1,
                        $"template does not parse: {message.Message}; check that every if/for/capture has its 'end' and every '{{{{' its '}}}}'");
                }

                continue;
            }

            templates[file.Path] = template;
        }

        var english = words.GetValueOrDefault(ThemeWords.Fallback);
        foreach (var file in sources.Where(f => templates.ContainsKey(f.Path)))
        {
            new EscapingCheck(file.DisplayPath, diagnostics,
                name => templates.ContainsKey(name) || sources.Any(s => s.Path == name),
                word => english is null || english.ContainsKey(word) || words.Values.Any(t => t.ContainsKey(word)))
                .Run(templates[file.Path].Page);
        }

        if (!templates.ContainsKey(Layout) && !sources.Any(s => s.Path == Layout))
        {
            diagnostics.Error("SG0408", templatesDir, 0, 0, $"the theme has no {Layout}; restore it or remove the override that hides it");
        }

        return new TemplateSet(templates, words, files.Where(f => f.Path.StartsWith("assets/", StringComparison.Ordinal)).ToList(), Hash(files));
    }

    /// <summary>
    /// The words for <paramref name="language"/> with the site's <paramref name="overrides"/> (<c>translations:</c> in
    /// <c>sitegen.yml</c>); problems (no table for the language, unknown override) are warnings in <paramref name="diagnostics"/>.
    /// </summary>
    public ThemeWords Words(string language, IReadOnlyDictionary<string, string> overrides, string configFile, DiagnosticBag diagnostics) =>
        ThemeWords.Resolve(_words, language, overrides, configFile, diagnostics);

    /// <summary>A renderer for one site: <paramref name="items"/> (articles + tags) sizes the loop limit.</summary>
    public TemplateRenderer Renderer(ThemeWords words, int items) => new(this, words, items);

    private static string Hash(IReadOnlyList<ThemeFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes("scriban " + typeof(Template).Assembly.GetName().Version + "\n"));
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Path}\n{file.Bytes.Length}\n"));
            hash.AppendData(file.Bytes);
        }

        return Hex.Lower(hash.GetHashAndReset());
    }
}
