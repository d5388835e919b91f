using System.Collections.Concurrent;
using SiteGen.Common;
using SiteGen.Import;

namespace SiteGen.Build;

/// <summary>
/// The import's memo, backed by the build state: what rendering each page gave, so a re-import renders only the pages
/// whose inputs changed; each text's band keys, so it shingles only new texts; and pages read, by the hash of their
/// bytes (from <paramref name="contentHashes"/>, the build's inputs), so it reads only pages whose bytes changed.
/// </summary>
internal sealed class StoredRenders(BuildState state, IReadOnlyDictionary<string, string>? contentHashes = null) : IPageRenderMemo
{
    private readonly UsedEntries<RenderedPageMemo> _renders = new(state.PageRenders, state.Changed);
    private readonly UsedEntries<KnownPage> _pages = new(state.KnownPages, state.Changed);
    private readonly UsedEntries<ulong[]> _bands = new(state.BandKeys, state.Changed);

    public RenderedPageMemo? Find(string key) => _renders.Find(key);

    public void Keep(string key, RenderedPageMemo rendered) => _renders.Keep(key, rendered);

    public ulong[]? FindBandKeys(string key) => _bands.Find(key);

    public void KeepBandKeys(string key, ulong[] bandKeys) => _bands.Keep(key, bandKeys);

    public KnownPage? FindPage(string fullPath) => PageKey(fullPath) is { } key ? _pages.Find(key) : null;

    public void KeepPage(string fullPath, KnownPage page, string? bytesHash = null)
    {
        if ((bytesHash is null ? PageKey(fullPath) : PageKey(fullPath, bytesHash)) is { } key)
        {
            _pages.Keep(key, page);
        }
    }

    /// <summary>After the import: drops the renders, pages and band keys it no longer has.</summary>
    public void KeepOnlyUsed()
    {
        state.KeepOnlyRenders(_renders.Used);
        state.KeepOnlyKnownPages(_pages.Used);
        state.KeepOnlyBandKeys(_bands.Used);
    }

    /// <summary>The file's name and the hash of its bytes when the build hashed them, or null when it did not.</summary>
    private string? PageKey(string fullPath) =>
        contentHashes?.GetValueOrDefault(fullPath) is { } hash && hash != "unreadable" ? PageKey(fullPath, hash) : null;

    private static string PageKey(string fullPath, string hash)
    {
        using var key = InputHash.Of("known page").Add(Path.GetFileName(fullPath)).Add(hash);
        return key.Finish();
    }

    /// <summary>One kind of entry in the state, and the keys this import found or kept, so the others can be dropped after it.</summary>
    private sealed class UsedEntries<T>(ConcurrentDictionary<string, T> entries, Action changed)
        where T : class
    {
        private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

        public IReadOnlySet<string> Used => _used.Keys.ToHashSet(StringComparer.Ordinal);

        public T? Find(string key)
        {
            _used[key] = 0;
            return entries.GetValueOrDefault(key);
        }

        public void Keep(string key, T value)
        {
            _used[key] = 0;
            if (!entries.TryGetValue(key, out var known) || !Equals(known, value))
            {
                entries[key] = value;
                changed();
            }
        }
    }
}
