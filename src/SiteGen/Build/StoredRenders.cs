using System.Collections.Concurrent;
using SiteGen.Common;
using SiteGen.Import;

namespace SiteGen.Build;

/// <summary>
/// The import's memo of rendered pages, backed by the build state, so a re-import renders only the pages whose inputs
/// changed, and of pages read, by the hash of their bytes (from <paramref name="contentHashes"/>, the build's inputs), so
/// it reads only pages whose bytes changed.
/// </summary>
internal sealed class StoredRenders(BuildState state, IReadOnlyDictionary<string, string>? contentHashes = null) : IPageRenderMemo
{
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _usedPages = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, byte> _usedBands = new(StringComparer.Ordinal);

    public ulong[]? FindBandKeys(string key)
    {
        _usedBands[key] = 0;
        return state.BandKeys.GetValueOrDefault(key);
    }

    public void KeepBandKeys(string key, ulong[] bandKeys)
    {
        _usedBands[key] = 0;
        state.BandKeys[key] = bandKeys;
        state.Changed();
    }

    public KnownPage? FindPage(string fullPath)
    {
        if (PageKey(fullPath) is not { } key)
        {
            return null;
        }

        _usedPages[key] = 0;
        return state.KnownPages.GetValueOrDefault(key);
    }

    public void KeepPage(string fullPath, KnownPage page, string? bytesHash = null)
    {
        if ((bytesHash is null ? PageKey(fullPath) : PageKey(fullPath, bytesHash)) is not { } key)
        {
            return;
        }

        _usedPages[key] = 0;
        if (!state.KnownPages.TryGetValue(key, out var known) || known != page)
        {
            state.KnownPages[key] = page;
            state.Changed();
        }
    }

    /// <summary>The file's name and the hash of its bytes when the build hashed them, or null when it did not.</summary>
    private string? PageKey(string fullPath) =>
        contentHashes?.GetValueOrDefault(fullPath) is { } hash && hash != "unreadable" ? PageKey(fullPath, hash) : null;

    private static string PageKey(string fullPath, string hash)
    {
        using var key = InputHash.Of("known page").Add(Path.GetFileName(fullPath)).Add(hash);
        return key.Finish();
    }

    public RenderedPageMemo? Find(string key) => state.PageRenders.GetValueOrDefault(key);

    public void Keep(string key, RenderedPageMemo rendered)
    {
        _used[key] = 0;
        if (!state.PageRenders.TryGetValue(key, out var known) || known != rendered)
        {
            state.PageRenders[key] = rendered;
            state.Changed();
        }
    }

    /// <summary>After the import: drops the renders of articles it no longer has.</summary>
    public void KeepOnlyUsed()
    {
        state.KeepOnlyRenders(_used.Keys.ToHashSet(StringComparer.Ordinal));
        state.KeepOnlyKnownPages(_usedPages.Keys.ToHashSet(StringComparer.Ordinal));
        state.KeepOnlyBandKeys(_usedBands.Keys.ToHashSet(StringComparer.Ordinal));
    }
}
