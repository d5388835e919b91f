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

        store.Postings = null;

        store.Kept = 0;
        Assert.Equal(plain, Build("again", docs, store));
        Assert.Equal(docs.Count, store.Kept);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AppendedDocumentsAreMergedAloneAndGiveTheIndexOfAFullBuild(int appended)
    {
        // New articles as long as the average one, as in a growing site: the rounded average length stays.
        var before = SeedCorpus.Seeds().ToList();
        var lengths = before.Select(d => SearchTextExtractor.Extract(d.BodyHtml).Sum(b => b.Text.Length)).ToList();
        var typical = before[lengths.IndexOf(lengths.MinBy(l => Math.Abs(l - lengths.Average())))];
        var docs = before.Concat(Enumerable.Range(0, appended).Select(i => typical with { Url = $"new{i}/", Title = $"新文章{i} {typical.Title}" })).ToList();
        var store = new MemoryStore();
        var first = Build("first", before, store);

        store.Kept = 0;
        store.Found = 0;
        var files = Build("second", docs, store, keep: first);
        Assert.Equal(appended, store.Kept);
        // Only the new documents, and those filed with them in the last fragment file, are read.
        var perFile = int.Parse(System.Text.RegularExpressions.Regex.Match(files["search/meta.js"], "\"f\":(\\d+)").Groups[1].Value);
        Assert.InRange(store.Found, appended, appended + perFile - 1);
        Assert.Equal(Build("plain", docs, store: null), files);
        // Every other fragment file stayed without being written again.
        Assert.True(store.LastKept >= (before.Count / perFile) - 1, $"{store.LastKept} files kept, {perFile} documents per fragment file");
    }

    [Fact]
    public void AnIndexThatIsNotTheLastOnePlusAppendedDocumentsIsMergedInFull()
    {
        var docs = SeedCorpus.Seeds().ToList();
        var store = new MemoryStore();
        var first = Build("first", docs, store);

        // The first document gone: every other document takes a new id.
        store.Kept = 0;
        var shifted = docs.Skip(1).ToList();
        Assert.Equal(Build("shifted-plain", shifted, store: null), Build("shifted", shifted, store, keep: first));
        Assert.Equal(0, store.Kept);

        // Damaged lists are not used.
        store.Postings = store.Postings![..(store.Postings.Length / 2)];
        Assert.Equal(Build("plain", docs, store: null), Build("damaged", docs, store));
    }

    [Fact]
    public void RoundedAverageLengthMovesInSmallStepsOnly()
    {
        var previous = 0.0;
        for (var average = 1.0; average < 100_000; average *= 1.003)
        {
            var rounded = Bm25.RoundedAverage(average);
            Assert.InRange(rounded / average, 1 - (1.0 / 64), 1 + (1.0 / 64));
            Assert.True(rounded >= previous);
            previous = rounded;
        }

        // Between 1,024 and 2,048 the step is 32 characters: a short article added to 2,000 moves the average by less.
        Assert.Equal(1504, Bm25.RoundedAverage(1500));
        Assert.Equal(Bm25.RoundedAverage(1500), Bm25.RoundedAverage(1500 - ((1500 - 30) / 2001.0)));
        Assert.NotEqual(Bm25.RoundedAverage(1500), Bm25.RoundedAverage(1530));
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Every file of the index, by path, as text. With <paramref name="keep"/> (the files of the build before), the
    /// index may keep any of those instead of writing it; a kept file is taken from there.
    /// </summary>
    private SortedDictionary<string, string> Build(string name, IReadOnlyList<SearchDocument> docs, MemoryStore? store,
        SortedDictionary<string, string>? keep = null)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var kept = 0;
        new BuildSearchIndex().Run(docs, _dir.Combine(name), (path, bytes) =>
        {
            lock (files)
            {
                files[Path.GetRelativePath(_dir.Combine(name), path)] = System.Text.Encoding.UTF8.GetString(bytes);
            }
        }, store, path =>
        {
            var relative = Path.GetRelativePath(_dir.Combine(name), path);
            if (keep?.TryGetValue(relative, out var text) != true)
            {
                return false;
            }

            lock (files)
            {
                Assert.True(files.TryAdd(relative, text!), $"{relative} both kept and written");
                kept++;
            }

            return true;
        });
        if (store is not null)
        {
            store.LastKept = kept;
        }

        return files;
    }

    private sealed class MemoryStore : ISearchAnalysisStore
    {
        private readonly ConcurrentDictionary<string, byte[]> _kept = new(StringComparer.Ordinal);
        private int _count;
        private int _found;

        public int Kept
        {
            get => _count;
            set => _count = value;
        }

        public IEnumerable<string> Keys => _kept.Keys;

        public int Found
        {
            get => _found;
            set => _found = value;
        }

        public int LastKept { get; set; }

        public byte[]? Postings { get; set; }

        public byte[]? Find(string key)
        {
            Interlocked.Increment(ref _found);
            return _kept.GetValueOrDefault(key);
        }

        public void Touch(string key) => Assert.True(_kept.ContainsKey(key), "touched an analysis that was never kept");

        public byte[]? FindPostings() => Postings;

        public void KeepPostings(byte[] snapshot) => Postings = snapshot;

        public void Keep(string key, byte[] analysis)
        {
            _kept[key] = analysis;
            Interlocked.Increment(ref _count);
        }

        /// <summary>Cuts the analysis short, as a format change or a torn write would leave it.</summary>
        public void Damage(string key) => _kept[key] = _kept[key][..(_kept[key].Length / 2)];
    }
}
