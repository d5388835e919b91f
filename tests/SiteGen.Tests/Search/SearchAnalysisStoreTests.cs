using System.Collections.Concurrent;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// An index built from kept document analyses is byte for byte the index built by tokenizing every document,
/// and only documents whose key changed are tokenized again.
/// </summary>
public sealed class SearchAnalysisStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void KeptAnalysesGiveTheSameIndexAndOnlyNewDocumentsAreAnalysed()
    {
        var docs = SeedCorpus.Seeds().ToList();
        var plain = Build("plain", docs, store: null);
        var store = new MemoryStore();

        var first = Build("first", docs, store);
        Assert.Equal(docs.Count, store.Kept);
        Assert.Equal(plain, first);

        store.Kept = 0;
        var second = Build("second", docs, store);
        Assert.Equal(0, store.Kept);
        Assert.Equal(plain, second);

        // One new document and one changed title: two analyses made, the index as a full tokenization gives it.
        var changed = docs.Select((d, i) => i == 3 ? d with { Title = d.Title + " 修订" } : d)
            .Append(new SearchDocument("new/", "全新文章", "<p>图神经网络中的消息传递与邻居聚合 message passing</p>", ["图"]))
            .ToList();
        store.Kept = 0;
        var third = Build("third", changed, store);
        Assert.Equal(2, store.Kept);
        Assert.Equal(Build("third-plain", changed, store: null), third);
    }

    [Fact]
    public void AnAnalysisThatCannotBeReadIsMadeAgain()
    {
        var docs = SeedCorpus.Seeds().ToList();
        var store = new MemoryStore();
        var plain = Build("plain", docs, store);
        foreach (var key in store.Keys)
        {
            store.Damage(key);
        }

        store.Kept = 0;
        Assert.Equal(plain, Build("again", docs, store));
        Assert.Equal(docs.Count, store.Kept);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Every file of the index, by path, as text.</summary>
    private SortedDictionary<string, string> Build(string name, IReadOnlyList<SearchDocument> docs, ISearchAnalysisStore? store)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        new BuildSearchIndex().Run(docs, _dir.Combine(name), (path, bytes) =>
        {
            lock (files)
            {
                files[Path.GetRelativePath(_dir.Combine(name), path)] = System.Text.Encoding.UTF8.GetString(bytes);
            }
        }, store);
        return files;
    }

    private sealed class MemoryStore : ISearchAnalysisStore
    {
        private readonly ConcurrentDictionary<string, byte[]> _kept = new(StringComparer.Ordinal);
        private int _count;

        public int Kept
        {
            get => _count;
            set => _count = value;
        }

        public IEnumerable<string> Keys => _kept.Keys;

        public byte[]? Find(string key) => _kept.GetValueOrDefault(key);

        public void Keep(string key, byte[] analysis)
        {
            _kept[key] = analysis;
            Interlocked.Increment(ref _count);
        }

        /// <summary>Cuts the analysis short, as a format change or a torn write would leave it.</summary>
        public void Damage(string key) => _kept[key] = _kept[key][..(_kept[key].Length / 2)];
    }
}
