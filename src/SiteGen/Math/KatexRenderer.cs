using System.Collections.Concurrent;
using System.Net;

namespace SiteGen.Mathematics;

/// <summary>
/// Renders TeX to HTML with the real KaTeX, hosted in-process by a pool of Jint engines.
/// Thread-safe. Each distinct (TeX, display) is rendered once per instance; with a
/// <see cref="KatexSettings.CacheDirectory"/>, results persist across builds (see <see cref="SaveCache"/>).
/// Output is byte-identical to Node's <c>katex.renderToString</c> with <c>throwOnError: false</c>.
/// A formula can neither hang nor crash the process: it falls back to escaped source with an error.
/// </summary>
public sealed class KatexRenderer : IDisposable
{
    private readonly ConcurrentDictionary<FormulaKey, Lazy<FormulaResult>> _memo = new();
    private readonly KatexCache _cache;
    private readonly Lazy<IReadOnlyDictionary<FormulaKey, FormulaResult>> _stored;
    private readonly KatexEnginePool _pool;
    private int _renderedCount;
    private int _cachedCount;
    private bool _disposed;

    public KatexRenderer(KatexSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var optionsJson = KatexOptionsJson.Options(settings.Options);
        var macrosJson = KatexOptionsJson.Macros(settings.Options, settings.Macros);
        _cache = new KatexCache(settings.CacheDirectory, $"{KatexVersion}\n{optionsJson}\n{macrosJson}");
        _stored = new Lazy<IReadOnlyDictionary<FormulaKey, FormulaResult>>(_cache.Load);
        _pool = new KatexEnginePool(settings, optionsJson, macrosJson);
    }

    /// <summary>The version of the embedded KaTeX (the one pinned in <c>Math/katex/package-lock.json</c>).</summary>
    public static string KatexVersion => KatexResources.Version;

    /// <summary>Distinct formulas rendered by an engine so far.</summary>
    public int RenderedCount => Volatile.Read(ref _renderedCount);

    /// <summary>Distinct formulas served from the on-disk cache so far.</summary>
    public int CachedCount => Volatile.Read(ref _cachedCount);

    /// <summary>Renders <paramref name="tex"/> in inline or display mode; never throws for bad TeX.</summary>
    public FormulaResult Render(string tex, bool displayMode)
    {
        ArgumentNullException.ThrowIfNull(tex);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = new FormulaKey(tex, displayMode);
        return _memo.GetOrAdd(key, k => new Lazy<FormulaResult>(() => Produce(k))).Value;
    }

    /// <summary>
    /// Starts the once-per-process part of the cold start (Jint's own initialisation, ~0.6 s, and parsing
    /// KaTeX, ~0.3 s) on a pool thread and returns at once; no engine starts. Call it as early as it is
    /// known that formulas will need rendering, so the first renderer's pool finds KaTeX parsed.
    /// </summary>
    public static void PrepareInBackground() => KatexScript.PrepareInBackground();

    /// <summary>Starts the engine pool now rather than at the first formula (for benchmarks and warm-up).</summary>
    public void Warm() => _pool.EnsureStarted();

    /// <summary>Writes this build's formulas to the cache directory (a no-op without one).</summary>
    /// <remarks>What the cache held before stays in it, so a build that renders only a few pages does not shrink it.</remarks>
    public void SaveCache()
    {
        var results = _memo.Where(p => p.Value.IsValueCreated).ToDictionary(p => p.Key, p => p.Value.Value);
        if (_stored.IsValueCreated)
        {
            foreach (var (key, value) in _stored.Value)
            {
                results.TryAdd(key, value);
            }
        }

        _cache.Save(results);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _pool.Dispose();
    }

    internal int EnginesCreated => _pool.EnginesCreated;

    private FormulaResult Produce(FormulaKey key)
    {
        if (_stored.Value.TryGetValue(key, out var stored))
        {
            Interlocked.Increment(ref _cachedCount);
            return stored;
        }

        var outcome = _pool.Render(key.Tex, key.DisplayMode);
        Interlocked.Increment(ref _renderedCount);
        return outcome.IsFailure
            ? new FormulaResult(Fallback(key.Tex, outcome.Error!), outcome.Error, FromCache: false) { IsFallback = true }
            : new FormulaResult(outcome.Html, outcome.Error, FromCache: false) { Warnings = outcome.Warnings };
    }

    // Same markup as KaTeX's own error rendering, so pages style it alike.
    private static string Fallback(string tex, string message) =>
        $"<span class=\"katex-error\" title=\"{Escape(message)}\" style=\"color:#cc0000\">{Escape(tex)}</span>";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
