using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Highlighting;
using SiteGen.Mathematics;
using SiteGen.Templates;

namespace SiteGen.Build;

/// <summary>
/// What a process keeps between the builds it runs: the build state (read from the cache folder once, then
/// kept in memory and saved after every build), the KaTeX engines and the parsed templates. <c>sitegen
/// build</c> runs one build in a new session; <c>sitegen serve</c> keeps one session for all its rebuilds,
/// which is the same pipeline kept warm, not another mode.
/// </summary>
public sealed class BuildSession : IDisposable
{
    private BuildState? _state;
    private string? _stateDir;
    private (KatexSettings Settings, KatexRenderer Renderer)? _katex;
    private (string Stamp, TemplateSet Templates)? _templates;
    private (HighlightSettings Settings, CodeHighlighter Highlighter)? _highlighter;

    /// <summary>
    /// True for the session of one <c>sitegen build</c>: nothing renders a formula after the render stage, so
    /// the KaTeX engines (about 100 MB each with their garbage) are let go before the search index is built.
    /// </summary>
    public bool OneShot { get; init; }

    /// <summary>Builds run in this session so far.</summary>
    public int Builds { get; internal set; }

    /// <summary>The state of <paramref name="config"/>'s cache folder: kept from the last build, read from disk, or empty with <c>--clean</c>.</summary>
    internal BuildState State(SiteConfig config)
    {
        var dir = Path.GetFullPath(config.CacheDir);
        if (config.Clean)
        {
            _state = BuildState.Empty(dir);
        }
        else if (_state is null || _stateDir != dir)
        {
            _state = BuildState.Open(dir);
        }

        _stateDir = dir;
        return _state;
    }

    /// <summary>Forgets the state (after it proved damaged): the next <see cref="State"/> starts empty.</summary>
    internal BuildState Reset(SiteConfig config)
    {
        _state = BuildState.Empty(Path.GetFullPath(config.CacheDir));
        return _state;
    }

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
        _katex = (settings, new KatexRenderer(settings));
        return _katex.Value.Renderer;
    }

    /// <summary>Lets the KaTeX engines go (a later <see cref="Katex"/> starts new ones).</summary>
    internal void ReleaseKatex()
    {
        _katex?.Renderer.Dispose();
        _katex = null;
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
        _highlighter = (settings, new CodeHighlighter(settings));
        return _highlighter.Value.Highlighter;
    }

    /// <summary>The theme, parsed again only when a file of <c>templates/</c> changed.</summary>
    internal TemplateSet Templates(SiteConfig config, DiagnosticBag diagnostics)
    {
        var stamp = Stamp(config.TemplatesDir) + "|" + config.TemplatesDirGiven;
        if (_templates is { } known && known.Stamp == stamp)
        {
            return known.Templates;
        }

        var local = new DiagnosticBag();
        var templates = TemplateSet.Load(config.TemplatesDir, local, config.TemplatesDirGiven);
        foreach (var diagnostic in local.Snapshot())
        {
            diagnostics.Add(diagnostic);
        }

        _templates = local.HasErrors ? null : (stamp, templates);
        return templates;
    }

    private static bool SameSettings(KatexSettings a, KatexSettings b) =>
        a.CacheDirectory == b.CacheDirectory
        && System.Text.Json.JsonSerializer.Serialize(a.Options) == System.Text.Json.JsonSerializer.Serialize(b.Options)
        && a.Macros.Count == b.Macros.Count && a.Macros.All(kv => b.Macros.TryGetValue(kv.Key, out var v) && v == kv.Value);

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
        _katex?.Renderer.Dispose();
        _katex = null;
        _highlighter?.Highlighter.Dispose();
        _highlighter = null;
        _state = null;
        _templates = null;
    }
}
