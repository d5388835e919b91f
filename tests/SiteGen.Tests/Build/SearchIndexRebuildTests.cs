using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// An edit to one article changes only its fragment file and the shards of the words it gained or lost; every
/// other file of the search index keeps its bytes and stays the same file (not rewritten), which keeps a
/// rebuild's writes and a deploy's diff small.
/// </summary>
public sealed class SearchIndexRebuildTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SiteConfig _config;

    public SearchIndexRebuildTests()
    {
        _config = TempSite.Config(_dir);
        var topics = new[] { "梯度下降", "注意力机制", "扩散模型", "强化学习", "低秩适配", "变分自编码器", "混合专家", "归一化流" };
        // Enough distinct words for the index to have tens of shards.
        var lines = Enumerable.Range(0, 300).Select(i =>
            $"{topics[i % topics.Length]}第{i}篇 这篇文章讲{topics[(i * 3) % topics.Length]}，编号 token{i}，"
            + string.Join(' ', Enumerable.Range(0, 40).Select(k => $"word{(i * 37 + k * 101) % 6000}")) + "。");
        _dir.Write("seeds/feed.txt", "标题\n说明\n" + string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void AnEditToOneArticleRewritesOnlyTheIndexFilesThatChange()
    {
        Build();
        var before = FolderSnapshot.Take(_dir.Combine("site"));
        var times = Directory.EnumerateFiles(_dir.Combine("site", "search"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var page = Directory.GetFiles(_config.ContentDir, "*.md").Order(StringComparer.Ordinal).First();
        // The same length, so no other article's impacts move: one word out, another in.
        File.WriteAllText(page, File.ReadAllText(page).Replace("编号 token", "编号 kappa"));
        Build();
        var after = FolderSnapshot.Take(_dir.Combine("site"));

        var changed = after.Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key).ToList();
        var fragments = changed.Where(p => p.StartsWith("search/d/", StringComparison.Ordinal)).ToList();
        var shards = changed.Where(p => p.StartsWith("search/t/", StringComparison.Ordinal)).ToList();
        var allShards = after.Keys.Count(p => p.StartsWith("search/t/", StringComparison.Ordinal));
        Assert.Single(fragments);
        Assert.InRange(shards.Count, 1, allShards / 4);
        Assert.Contains("search/meta.js", changed);
        Assert.DoesNotContain("search/q.js", changed);
        Assert.True(allShards >= 8, $"only {allShards} shards: the corpus is too small to tell");
        foreach (var (file, time) in times.Where(t => !changed.Contains(Path.GetRelativePath(_dir.Combine("site"), t.Key).Replace('\\', '/'))))
        {
            Assert.Equal(time, File.GetLastWriteTimeUtc(file));
        }
    }

    public void Dispose() => _dir.Dispose();

    private void Build()
    {
        var result = new SiteBuilder(TimeProvider.System).Build(_config);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
    }
}
