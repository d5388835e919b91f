using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// A body's search text blocks live in the packs, not in the build state: the state keeps their hash and length, and a
/// later build reads them back exactly as extracted, only when asked.
/// </summary>
public sealed class BodyBlocksTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SiteConfig _config;

    public BodyBlocksTests()
    {
        _config = TempSite.Config(_dir);
        _dir.Write("seeds/feed.txt", "标题\n说明\n第一篇 讲梯度下降的文章 \\(x^2\\) 收敛。\n第二篇 讲注意力机制的文章，[链接](https://example.com)。\n");
        _dir.Write("content/hand.md", "---\ntitle: 手写\nslug: hand\ndate: 2026-01-02\n---\n# 小节\n\n手写的正文。\n\n```\ncode()\n```\n");
    }

    [Fact]
    public void AStoredBodysBlocksComeBackFromThePacksAsTheyWereExtracted()
    {
        Assert.True(new SiteBuilder(TimeProvider.System).Build(_config).Succeeded);
        var state = BuildState.Open(Path.GetFullPath(_config.CacheDir));
        Assert.Null(state.Note);
        Assert.True(state.Bodies.Count >= 3);
        foreach (var body in state.Bodies.Values)
        {
            var expected = SearchTextExtractor.Extract(state.Blobs.Get(body.Facts.HtmlHash));
            Assert.True(state.Blobs.Has(body.Facts.SearchBlocks.Hash));
            Assert.Equal(expected, body.Facts.SearchBlocks.Value);
            Assert.Equal(expected.Sum(b => b.Text.Length), body.Facts.SearchBlocks.Length);
        }
    }

    [Fact]
    public void StoredBlocksAreReadOnFirstUseOnlyAndTheirBytesAreChecked()
    {
        var blocks = BodyBlocks.Of([new ExtractedBlock(BlockKind.Heading, "小节", "s1"), new ExtractedBlock(BlockKind.Body, "正文 x", null)]);
        var reads = 0;
        var stored = BodyBlocks.Stored(blocks.Hash, blocks.Length, () =>
        {
            reads++;
            return BodyBlocks.Decode(blocks.Encode());
        });
        Assert.Equal(0, reads);
        Assert.Equal(blocks.Value, stored.Value);
        Assert.Equal(blocks.Value, stored.Value);
        Assert.Equal(1, reads);
        Assert.Throws<InvalidDataException>(() => BodyBlocks.Decode([.. blocks.Encode(), 0]));
    }

    public void Dispose() => _dir.Dispose();
}
