using System.Collections.Concurrent;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Highlighting;
using SiteGen.Import;
using SiteGen.Mathematics;
using SiteGen.Markdown;
using SiteGen.Templates;

namespace SiteGen.Build;

/// <summary>
/// What a long-running process (<c>sitegen serve</c>) keeps between builds, so a rebuild redoes only what
/// changed: compiled templates while <c>templates/</c> is unchanged, and each page's rendered body while
/// its Markdown is unchanged.
/// </summary>
public sealed class BuildCache : IDisposable, IRenderedPageStore
{
    private (KatexSettings Settings, KatexRenderer Renderer)? _katex;
    private (HighlightSettings Settings, CodeHighlighter Highlighter)? _highlighter;

    internal (string Stamp, TemplateSet Templates)? Templates { get; set; }

    /// <summary>The last import and the stamp of its inputs (seeds folder and configuration).</summary>
    internal (string Stamp, ImportResult Result)? Import { get; set; }

    /// <summary>Pages as loaded, by file, valid while the file's length and write time are unchanged.</summary>
    internal ConcurrentDictionary<string, (long Length, long Ticks, Page? Page, IReadOnlyList<Diagnostic> Diagnostics)> Loaded { get; } =
        new(StringComparer.Ordinal);

    /// <summary>Excerpts and reading time by body text instance (unchanged bodies keep theirs) and description.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, Tuple<string?, Publish.ListingFacts>> _listings = new();

    internal Publish.ListingFacts Listing(RenderedPage page)
    {
        if (_listings.TryGetValue(page.Text, out var known) && known.Item1 == page.Page.Description)
        {
            return known.Item2;
        }

        var facts = Publish.SiteModel.Listing(page);
        _listings.AddOrUpdate(page.Text, Tuple.Create(page.Page.Description, facts));
        return facts;
    }

    /// <summary>What the served site was last built from; null until a build succeeded.</summary>
    internal PublishedSite? Published { get; set; }

    /// <summary>The KaTeX settings a site's configuration asks for.</summary>
    public static KatexSettings KatexSettingsFor(SiteConfig config) =>
        new(config.KatexOptions, config.KatexMacros, config.CacheDir);

    /// <summary>A renderer kept across builds (engines stay warm), replaced when the KaTeX settings change.</summary>
    internal KatexRenderer Katex(SiteConfig config)
    {
        var settings = KatexSettingsFor(config);
        if (_katex is { } known && SameSettings(known.Settings, settings))
        {
            return known.Renderer;
        }

        _katex?.Renderer.Dispose();
        // Bodies rendered with other macros or options are stale.
        Pages.Clear();
        Published = null;
        _katex = (settings, new KatexRenderer(settings));
        return _katex.Value.Renderer;
    }

    /// <summary>The highlight settings a site's configuration asks for.</summary>
    public static HighlightSettings HighlightSettingsFor(SiteConfig config) =>
        new(config.Highlight.LightTheme, config.Highlight.DarkTheme, config.CacheDir);

    /// <summary>A highlighter kept across builds (grammars stay loaded), replaced when the themes change.</summary>
    internal CodeHighlighter Highlighter(SiteConfig config)
    {
        var settings = HighlightSettingsFor(config);
        if (_highlighter is { } known && known.Settings == settings)
        {
            return known.Highlighter;
        }

        _highlighter?.Highlighter.Dispose();
        // Bodies highlighted with other themes carry the old themes' colour classes.
        Pages.Clear();
        Published = null;
        _highlighter = (settings, new CodeHighlighter(settings));
        return _highlighter.Value.Highlighter;
    }

    private static bool SameSettings(KatexSettings a, KatexSettings b) =>
        a.CacheDirectory == b.CacheDirectory
        && System.Text.Json.JsonSerializer.Serialize(a.Options) == System.Text.Json.JsonSerializer.Serialize(b.Options)
        && a.Macros.Count == b.Macros.Count && a.Macros.All(kv => b.Macros.TryGetValue(kv.Key, out var v) && v == kv.Value);

    internal ConcurrentDictionary<string, (string Markdown, int BodyLine, StoredRendering Rendering)> Pages { get; } =
        new(StringComparer.Ordinal);

    StoredRendering? IRenderedPageStore.TryGet(Page page) =>
        Pages.TryGetValue(page.SourcePath, out var hit) && hit.Markdown == page.Markdown && hit.BodyLine == page.BodyLine ? hit.Rendering : null;

    void IRenderedPageStore.Set(Page page, StoredRendering rendering) =>
        Pages[page.SourcePath] = (page.Markdown, page.BodyLine, rendering);

    /// <summary>A fingerprint of every file under <paramref name="dir"/>: path, size and write time.</summary>
    internal static string Stamp(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return "";
        }

        var hash = new HashCode();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            hash.Add(file);
            hash.Add(info.Length);
            hash.Add(info.LastWriteTimeUtc.Ticks);
        }

        return hash.ToHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Pages.Clear();
        Loaded.Clear();
        Published = null;
        _katex?.Renderer.Dispose();
        _katex = null;
        _highlighter?.Highlighter.Dispose();
        _highlighter = null;
    }
}
