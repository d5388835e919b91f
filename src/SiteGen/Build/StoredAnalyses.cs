using System.Collections.Concurrent;
using SiteGen.Common;
using SiteGen.Search;

namespace SiteGen.Build;

/// <summary>
/// The search stage's store of document analyses, backed by the build state: each analysis is kept in
/// <see cref="PackedBlobs"/> by the hash of its bytes, and found again by its document's key in any later
/// build, so an index rebuilt for one new article tokenizes that article only.
/// </summary>
internal sealed class StoredAnalyses(BuildState state) : ISearchAnalysisStore
{
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public byte[]? Find(string key)
    {
        _used[key] = 0;
        return state.SearchAnalyses.TryGetValue(key, out var hash) && state.Blobs.Has(hash) ? state.Blobs.GetBytes(hash) : null;
    }

    public void Keep(string key, byte[] analysis)
    {
        _used[key] = 0;
        var hash = InputHash.OfBytes(analysis);
        state.Blobs.Put(hash, analysis);
        state.SearchAnalyses[key] = hash;
        state.Changed();
    }

    public void Touch(string key) => _used[key] = 0;

    public byte[]? FindPostings() =>
        state.SearchPostings is { } hash && state.Blobs.Has(hash) ? state.Blobs.GetBytes(hash) : null;

    public void KeepPostings(byte[] snapshot)
    {
        var hash = InputHash.OfBytes(snapshot);
        state.Blobs.Put(hash, snapshot);
        state.SearchPostings = hash;
    }

    /// <summary>After the index is built: drops the analyses of documents it no longer has.</summary>
    public void KeepOnlyUsed() => state.KeepOnlyAnalyses(_used.Keys.ToHashSet(StringComparer.Ordinal));
}
