using SiteGen.Common;
using SiteGen.Content;
using SiteGen.Markdown;

namespace SiteGen.Build;

/// <summary>
/// The Markdown stage's store of rendered bodies, backed by the build state: a body is found again by its key
/// (render settings, the page's display path, where its body starts, its Markdown) in any later build or
/// process. A body rendered now is kept at once with the facts of its one parse (<see cref="BodyFacts"/>), its
/// HTML goes to <see cref="PackedBlobs"/>, and the page handed back reads the HTML from there when used.
/// </summary>
internal sealed class StoredBodies(BuildState state, string settingsKey) : IRenderedPageStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Page, string> _keys = new();

    /// <summary>The keys of every body this build used, so the state keeps only those.</summary>
    public IReadOnlySet<string> Used => _used.Keys.ToHashSet(StringComparer.Ordinal);

    public string Key(Page page) => _keys.GetValue(page, p =>
    {
        using var hash = InputHash.Of("body").Add(settingsKey).Add(p.SourcePath).Add(p.BodyLine).Add(p.Markdown);
        return hash.Finish();
    });

    /// <summary>The facts of the body this build used for <paramref name="page"/>.</summary>
    public BodyFacts Facts(Page page) => state.Bodies[Key(page)].Facts;

    public StoredRendering? TryGet(Page page)
    {
        var key = Key(page);
        _used[key] = 0;
        return state.Bodies.TryGetValue(key, out var body) && body.Blobs.All(state.Blobs.Has)
            ? new StoredRendering(Page(page, body), body.Diagnostics)
            : null;
    }

    public RenderedPage Set(Page page, StoredRendering rendering)
    {
        var key = Key(page);
        _used[key] = 0;
        var fresh = rendering.Rendered;
        var html = fresh.Html;
        var facts = BodyFacts.Of(html, fresh.Text);
        state.Blobs.Put(facts.HtmlHash, html);
        state.Blobs.Put(facts.SearchBlocks.Hash, facts.SearchBlocks.Encode());
        var body = new StoredBody(fresh.Toc, fresh.HasMath, fresh.Text, fresh.Links, rendering.Diagnostics, facts)
        {
            HasHighlight = fresh.HasHighlight,
            Anchors = fresh.Anchors,
            Dependencies = fresh.Dependencies,
        };
        state.Bodies[key] = body;
        state.Changed();
        return Page(page, body);
    }

    private RenderedPage Page(Page page, StoredBody body)
    {
        var hash = body.Facts.HtmlHash;
        var blobs = state.Blobs;
        return RenderedPage.Stored(page, () => blobs.Get(hash), hash, body.Toc, body.HasMath, body.Text) with
        {
            Links = body.Links,
            HasHighlight = body.HasHighlight,
            Anchors = body.Anchors,
            Dependencies = body.Dependencies,
        };
    }
}
