using System.Collections.Concurrent;
using System.Net;

namespace SiteGen.Mathematics;

/// <summary>
/// Renders TeX to HTML with the real KaTeX, hosted in-process by a pool of Jint engines.
/// Thread-safe. Each distinct (TeX, display) is rendered once per instance; with a
/// <see cref="KatexSettings.CacheDirectory"/>, each result is kept on disk as it is made (<see cref="KatexCache"/>)
/// and only the most recent few thousand stay in memory, so memory does not grow with the site.
/// Output is byte-identical to Node's <c>katex.renderToString</c> with <c>throwOnError: false</c>.
/// A formula can neither hang nor crash the process: it falls back to escaped source with an error.
/// </summary>
public sealed class KatexRenderer : IDisposable
{
    // Two generations: a formula asked for again soon (or while it renders) is found in memory; an older one is
    // read back from the disk cache. Without a cache folder nothing is dropped, since it could only be rendered again.
    private readonly int _memoGeneration;
    private readonly object _roll = new();
    private ConcurrentDictionary<FormulaKey, Lazy<FormulaResult>> _recent = new();
    private ConcurrentDictionary<FormulaKey, Lazy<FormulaResult>> _older = new();
    private int _recentCount;
    private readonly ConcurrentDictionary<FormulaKey, byte> _counted = new();
    // Made at the first formula: a build of a site without math makes a renderer and never uses it.
    private readonly Lazy<Parts> _parts;
    private int _renderedCount;
    private int _cachedCount;
    private bool _disposed;

    public KatexRenderer(KatexSettings settings)
        : this(settings, memoGeneration: 1024)
    {
    }

    /// <summary>A renderer that keeps about 2 × <paramref name="memoGeneration"/> results in memory.</summary>
    internal KatexRenderer(KatexSettings settings, int memoGeneration)
    {
        _memoGeneration = memoGeneration;
        ArgumentNullException.ThrowIfNull(settings);
        _parts = new Lazy<Parts>(() =>
        {
            var optionsJson = KatexOptionsJson.Options(settings.Options);
            var macrosJson = KatexOptionsJson.Macros(settings.Options, settings.Macros);
            return new Parts(new KatexCache(settings.CacheDirectory, $"{KatexVersion}\n{optionsJson}\n{macrosJson}"),
                new KatexEnginePool(settings, optionsJson, macrosJson));
        });
    }

    private KatexCache Cache => _parts.Value.Cache;

    private KatexEnginePool Pool => _parts.Value.Pool;

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
        var recent = Volatile.Read(ref _recent);
        if (recent.TryGetValue(key, out var known) || Volatile.Read(ref _older).TryGetValue(key, out known))
        {
            return known.Value;
        }

        var created = new Lazy<FormulaResult>(() => Produce(key));
        if (!recent.TryAdd(key, created))
        {
            return recent[key].Value;
        }

        if (Interlocked.Increment(ref _recentCount) >= _memoGeneration && Cache.Persists)
        {
            Roll(recent);
        }

        return created.Value;
    }

    private void Roll(ConcurrentDictionary<FormulaKey, Lazy<FormulaResult>> full)
    {
        lock (_roll)
        {
            if (ReferenceEquals(_recent, full))
            {
                Volatile.Write(ref _older, full);
                Volatile.Write(ref _recent, new ConcurrentDictionary<FormulaKey, Lazy<FormulaResult>>());
                Volatile.Write(ref _recentCount, 0);
            }
        }
    }

    /// <summary>
    /// Starts the once-per-process part of the cold start (Jint's own initialisation, ~0.6 s, and parsing
    /// KaTeX, ~0.3 s) on a pool thread and returns at once; no engine starts. Call it as early as it is
    /// known that formulas will need rendering, so the first renderer's pool finds KaTeX parsed.
    /// </summary>
    public static void PrepareInBackground() => KatexScript.PrepareInBackground();

    /// <summary>Starts the engine pool now rather than at the first formula (for benchmarks and warm-up).</summary>
    public void Warm() => Pool.EnsureStarted();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_parts.IsValueCreated)
        {
            _parts.Value.Pool.Dispose();
            _parts.Value.Cache.Dispose();
        }
    }

    internal int EnginesCreated => _parts.IsValueCreated ? _parts.Value.Pool.EnginesCreated : 0;

    private FormulaResult Produce(FormulaKey key)
    {
        if (Cache.TryGet(key) is { } stored)
        {
            Count(key, ref _cachedCount);
            return stored;
        }

        var outcome = Pool.Render(key.Tex, key.DisplayMode);
        Count(key, ref _renderedCount);
        var result = outcome.IsFailure
            ? new FormulaResult(Fallback(key.Tex, outcome.Error!), outcome.Error, FromCache: false) { IsFallback = true }
            : new FormulaResult(outcome.Html, outcome.Error, FromCache: false) { Warnings = outcome.Warnings };
        Cache.Put(key, result);
        return result;
    }

    /// <summary>Counts each distinct formula once, even when it left the memory and was read back from disk.</summary>
    private void Count(FormulaKey key, ref int counter)
    {
        if (_counted.TryAdd(key, 0))
        {
            Interlocked.Increment(ref counter);
        }
    }

    // Same markup as KaTeX's own error rendering, so pages style it alike.
    private static string Fallback(string tex, string message) =>
        $"<span class=\"katex-error\" title=\"{Escape(message)}\" style=\"color:#cc0000\">{Escape(tex)}</span>";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private sealed record Parts(KatexCache Cache, KatexEnginePool Pool);
}
