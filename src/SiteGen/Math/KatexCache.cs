using SiteGen.Common;

namespace SiteGen.Mathematics;

/// <summary>
/// The on-disk formula cache: one entry per (TeX, display) under a folder per (KaTeX version, options, macros),
/// read one formula at a time, so a 10,000-page site never holds every formula's HTML in memory. Fallbacks
/// (a tripped limit, a failed engine) are not kept: they are tried again next build.
/// </summary>
internal sealed class KatexCache(string? directory, string settingsKey) : IDisposable
{
    private readonly KeyedFileStore<CachedFormula> _store = new(directory, "katex", settingsKey, KatexCacheJson.Default.StoredEntryCachedFormula);

    public bool Persists => _store.Persists;

    public FormulaResult? TryGet(FormulaKey key) =>
        _store.TryGet(KeyText(key)) is { } found
            ? new FormulaResult(found.Html, found.Error, FromCache: true)
            {
                Warnings = found.Warnings.Select(w => new FormulaWarning(w.Code, w.Message)).ToList(),
            }
            : null;

    public void Put(FormulaKey key, FormulaResult result)
    {
        if (!result.IsFallback)
        {
            _store.Put(KeyText(key), new CachedFormula(result.Html, result.Error,
                result.Warnings.Select(w => new CachedWarning(w.Code, w.Message)).ToList()));
        }
    }

    /// <summary>Waits until every formula made so far is on disk.</summary>
    public void Dispose() => _store.Dispose();

    private static string KeyText(FormulaKey key) => (key.DisplayMode ? "display\n" : "inline\n") + key.Tex;

    internal sealed record CachedFormula(string Html, string? Error, List<CachedWarning> Warnings);

    internal sealed record CachedWarning(string Code, string Message);
}

/// <summary>One distinct formula of a build.</summary>
/// <remarks>A class: the framework's dictionary code over a struct key is JIT-compiled in every process.</remarks>
internal sealed record FormulaKey(string Tex, bool DisplayMode);
