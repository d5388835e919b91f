using System.Collections.Concurrent;
using SiteGen.Import;

namespace SiteGen.Build;

/// <summary>The import's memo of rendered pages, backed by the build state, so a re-import renders only the pages whose inputs changed.</summary>
internal sealed class StoredRenders(BuildState state) : IPageRenderMemo
{
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

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
    public void KeepOnlyUsed() => state.KeepOnlyRenders(_used.Keys.ToHashSet(StringComparer.Ordinal));
}
