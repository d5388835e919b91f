using System.Collections.Concurrent;
using TextMateSharp.Grammars;
using TextMateSharp.Registry;

namespace SiteGen.Highlighting;

/// <summary>
/// Highlights code at build time with TextMate grammars and VS Code themes (TextMateSharp), as classed HTML
/// for a light and a dark theme at once. Thread-safe: blocks are tokenized by a pool of highlighters, one per
/// core, since grammars are not thread-safe. Each distinct (grammar, code) is highlighted once per instance
/// and, with a <see cref="HighlightSettings.CacheDirectory"/>, kept across builds (see <see cref="SaveCache"/>).
/// Nothing loads until the first block with a language: a site without code pays nothing.
/// </summary>
public sealed class CodeHighlighter : IDisposable
{
    // Grammar definitions and theme files, read once per process; read-only after construction.
    private static readonly Lazy<RegistryOptions> Options = new(() => new RegistryOptions(ThemeName.LightPlus));
    private static readonly Lazy<LanguageTable> Languages = new(() => new LanguageTable(Options.Value));

    private readonly HighlightSettings _settings;
    private readonly Lazy<HighlightThemes> _themes;
    private readonly ConcurrentDictionary<CodeKey, Lazy<HighlightedCode>> _memo = new();
    private readonly HighlightCache _cache;
    private readonly Lazy<Dictionary<CodeKey, string>> _stored;
    private readonly ConcurrentBag<TextMateEngine> _idle = [];
    private readonly SemaphoreSlim _slots;
    private int _highlightedCount;
    private int _cachedCount;

    public CodeHighlighter(HighlightSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _themes = new Lazy<HighlightThemes>(() => new HighlightThemes(Options.Value, settings.LightTheme, settings.DarkTheme));
        _cache = new HighlightCache(settings.CacheDirectory, string.Join('\n',
            Version, settings.LightTheme, settings.DarkTheme, settings.MaxLineLength));
        _stored = new Lazy<Dictionary<CodeKey, string>>(_cache.Load);
        _slots = new SemaphoreSlim(Math.Max(1, settings.HighlighterCount));
    }

    /// <summary>TextMateSharp's and its grammar package's versions: a new grammar can colour the same code differently.</summary>
    public static string Version { get; } =
        $"TextMateSharp {typeof(Registry).Assembly.GetName().Version}, grammars {typeof(RegistryOptions).Assembly.GetName().Version}";

    /// <summary>Distinct blocks tokenized so far.</summary>
    public int HighlightedCount => Volatile.Read(ref _highlightedCount);

    /// <summary>Distinct blocks served from the on-disk cache so far.</summary>
    public int CachedCount => Volatile.Read(ref _cachedCount);

    /// <summary>What a fence's info string (<c>python</c>, <c>py</c>, <c>C#</c>, <c>text</c>) names.</summary>
    public CodeLanguage Resolve(string info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var name = info.Trim().ToLowerInvariant();
        if (_settings.ScopeOverrides?.TryGetValue(name, out var scope) == true)
        {
            return new CodeLanguage(CodeLanguageKind.Known, name, scope);
        }

        // "text" and an empty info need no grammar table, so a site of plain fences never loads TextMateSharp.
        return name.Length == 0 || LanguageTable.PlainNames.Contains(name) ? CodeLanguage.Plain(name) : Languages.Value.Resolve(name);
    }

    /// <summary>
    /// Highlights <paramref name="lines"/> (without line ends) with <paramref name="language"/>'s grammar. Never
    /// throws for any code: a tokenizer failure comes back as <see cref="HighlightedCode.Error"/>.
    /// </summary>
    public HighlightedCode Highlight(CodeLanguage language, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (language.Kind != CodeLanguageKind.Known || language.Scope is null)
        {
            throw new ArgumentException($"'{language.Name}' has no grammar", nameof(language));
        }

        var key = new CodeKey(language.Scope, string.Join('\n', lines));
        return _memo.GetOrAdd(key, k => new Lazy<HighlightedCode>(() => Produce(k, lines))).Value;
    }

    /// <summary>The stylesheet that colours the classes of <see cref="Highlight"/>'s HTML in both themes.</summary>
    public string Stylesheet() => _themes.Value.Stylesheet();

    /// <summary>Writes this build's complete results to the cache directory (a no-op without one, or when nothing is new).</summary>
    public void SaveCache()
    {
        var results = _memo.Where(p => p.Value.IsValueCreated && p.Value.Value is { Html: not null, Complete: true })
            .Select(p => KeyValuePair.Create(p.Key, p.Value.Value.Html!))
            .ToList();
        if (results.Count > 0 && (HighlightedCount > 0 || results.Count != _stored.Value.Count))
        {
            _cache.Save(results);
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out _))
        {
        }

        _slots.Dispose();
    }

    private HighlightedCode Produce(CodeKey key, IReadOnlyList<string> lines)
    {
        if (_stored.Value.TryGetValue(key, out var html))
        {
            Interlocked.Increment(ref _cachedCount);
            return new HighlightedCode(html, null, Complete: true, FromCache: true);
        }

        var result = Tokenize(key.Scope, lines);
        Interlocked.Increment(ref _highlightedCount);
        return result;
    }

    private HighlightedCode Tokenize(string scope, IReadOnlyList<string> lines)
    {
        _slots.Wait();
        try
        {
            var engine = _idle.TryTake(out var idle) ? idle : new TextMateEngine(Options.Value, _themes.Value, _settings);
            var result = engine.Highlight(scope, lines);
            _idle.Add(engine);
            return result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The engine may be left mid-line: it is dropped, not returned to the pool.
            return HighlightedCode.Failure($"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _slots.Release();
        }
    }
}
