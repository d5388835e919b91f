using System.Collections.Concurrent;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Import.Syndication;

namespace SiteGen.Tests.Import;

/// <summary>
/// A re-import with kept renders writes exactly the pages a re-import without them writes, and renders only the
/// articles whose inputs changed.
/// </summary>
public sealed class PageRenderMemoTests
{
    [Fact]
    public void KeptRendersGiveTheSamePagesAndOnlyChangedArticlesAreRendered()
    {
        var root = ImportTestKit.NewTempDir();
        try
        {
            var seeds = CopyOfSeeds(root);

            var withMemo = Path.Combine(root, "memo");
            var without = Path.Combine(root, "plain");
            var memo = new MemoryMemo();
            Import(seeds, withMemo, memo);
            Import(seeds, without, null);
            Assert.True(memo.Kept > 20);
            Assert.Equal(Pages(without), Pages(withMemo));
            // Each distinct text's band keys are kept (the near pair of the seeds merges with them as without).
            Assert.True(memo.Bands.Count > 40, $"{memo.Bands.Count} texts' band keys kept");

            // Nothing changed: nothing rendered, nothing written.
            memo.Rendered = 0;
            var again = Import(seeds, withMemo, memo);
            Assert.Equal(0, memo.Rendered);
            Assert.Equal(0, again.PagesCreated + again.PagesUpdated);

            // One article's line edited in its feed, one page edited by hand: those two are rendered again.
            var feed = Directory.GetFiles(seeds).Order(StringComparer.Ordinal).First();
            var lines = File.ReadAllLines(feed);
            var at = Array.FindIndex(lines, 3, l => l.Length > 80);
            lines[at] += " 补充一句。";
            File.WriteAllLines(feed, lines);
            var handEdited = Directory.GetFiles(withMemo, "*.md").Order(StringComparer.Ordinal).Last();
            File.AppendAllText(handEdited, "\n手写的一段。\n");
            File.AppendAllText(Path.Combine(without, Path.GetFileName(handEdited)), "\n手写的一段。\n");
            memo.Rendered = 0;
            Import(seeds, withMemo, memo);
            Import(seeds, without, null);
            Assert.InRange(memo.Rendered, 1, 2);
            Assert.Equal(Pages(without), Pages(withMemo));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void PagesReadBeforeAreNotReadAgainAndOneEditedAfterItsHashWasTakenIsKept()
    {
        var root = ImportTestKit.NewTempDir();
        try
        {
            var seeds = CopyOfSeeds(root);

            var content = Path.Combine(root, "content");
            var plain = Path.Combine(root, "plain");
            var memo = new MemoryMemo();
            Import(seeds, content, memo);
            Import(seeds, plain, null);
            var generated = Directory.GetFiles(content, "*.md").Length;
            memo.PagesFound = 0;
            Import(seeds, content, memo);
            Assert.Equal(generated, memo.PagesFound);

            // The build hashed the pages, then someone edited them all before the import, which has a changed feed line
            // to write: the memo still describes the old bytes, and the import must do what reading the pages does.
            var feed = Directory.GetFiles(seeds).Order(StringComparer.Ordinal).First();
            var lines = File.ReadAllLines(feed);
            var at = Array.FindIndex(lines, 3, l => l.Length > 80);
            lines[at] += " 补充一句。";
            File.WriteAllLines(feed, lines);
            memo.Stale = true;
            foreach (var page in Directory.GetFiles(content, "*.md").Concat(Directory.GetFiles(plain, "*.md")))
            {
                File.AppendAllText(page, "\n手写的一段。\n");
            }

            var edited = Pages(content);
            var result = Import(seeds, content, memo);
            // The same files; only the count of untouched pages may call them unchanged instead of edited (the next
            // import, hashing them again, sees the edits).
            var expected = Import(seeds, plain, null);
            Assert.Equal((expected.PagesCreated, expected.PagesUpdated), (result.PagesCreated, result.PagesUpdated));
            Assert.Equal(Pages(plain), Pages(content));
            Assert.Equal(0, result.PagesUpdated);
            Assert.All(edited, p => Assert.Equal(p.Value, File.ReadAllText(Path.Combine(content, p.Key))));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// RenderKey hashes every field of these records. When one gains a field, add it to RenderKey (if rendering
    /// reads it) and to this list: a field left out of the key would leave a page stale.
    /// </summary>
    [Fact]
    public void TheKeyCoversEveryFieldOfWhatRenderingReads()
    {
        Assert.Equal(["Feed", "Item", "Line", "Path", "Text"], Fields<FeedEntry>());
        Assert.Equal(["Author", "BaseUrl", "Body", "Categories", "Date", "Format", "Guid", "Link", "Markdown", "Position", "Title"], Fields<FeedItem>());
        Assert.Equal(["Content", "IsHtml"], Fields<ItemBody>());
        Assert.Equal(["Body", "Id", "OtherVersions", "Sources"], Fields<Article>());
        Assert.Equal(["Date", "Facts", "Id", "Slug", "Tags", "Title"], Fields<PageIdentity>());
        Assert.Equal(["Author", "Categories", "Date", "Link", "Title"], Fields<ArticleFacts>());
    }

    private static string[] Fields<T>() =>
        typeof(T).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract").Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A copy of the repository's seeds under <paramref name="root"/>, to edit.</summary>
    private static string CopyOfSeeds(string root)
    {
        var seeds = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(ImportTestKit.SeedsDir))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }

        return seeds;
    }

    private static ImportResult Import(string seeds, string content, IPageRenderMemo? memo) =>
        ImportFeeds.Run(ImportTestKit.Config(seeds, content), new DiagnosticBag(), new FixedClock(ImportTestKit.Today), memo);

    private static SortedDictionary<string, string> Pages(string content) =>
        new(Directory.GetFiles(content, "*.md").ToDictionary(f => Path.GetFileName(f), File.ReadAllText), StringComparer.Ordinal);

    private sealed class MemoryMemo : IPageRenderMemo
    {
        private readonly ConcurrentDictionary<string, RenderedPageMemo> _kept = new(StringComparer.Ordinal);
        private int _rendered;

        public int Kept => _kept.Count;

        public int Rendered
        {
            get => _rendered;
            set => _rendered = value;
        }

        private readonly ConcurrentDictionary<string, KnownPage> _pages = new(StringComparer.Ordinal);
        private int _pagesFound;

        public int PagesFound
        {
            get => _pagesFound;
            set => _pagesFound = value;
        }

        /// <summary>Pages found by path alone, as if each had been hashed before someone changed it.</summary>
        public bool Stale { get; set; }

        public RenderedPageMemo? Find(string key) => _kept.GetValueOrDefault(key);

        public KnownPage? FindPage(string fullPath)
        {
            var known = _pages.GetValueOrDefault(PageKey(fullPath));
            if (known is not null)
            {
                Interlocked.Increment(ref _pagesFound);
            }

            return known;
        }

        public void KeepPage(string fullPath, KnownPage page, string? bytesHash = null) => _pages[PageKey(fullPath)] = page;

        public ConcurrentDictionary<string, ulong[]> Bands { get; } = new(StringComparer.Ordinal);

        public ulong[]? FindBandKeys(string key) => Bands.GetValueOrDefault(key);

        public void KeepBandKeys(string key, ulong[] bandKeys) => Bands[key] = bandKeys;

        private string PageKey(string fullPath) =>
            Stale ? _pages.Keys.FirstOrDefault(k => k.StartsWith(fullPath + "|", StringComparison.Ordinal)) ?? fullPath
                : fullPath + "|" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(fullPath)));

        public void Keep(string key, RenderedPageMemo rendered)
        {
            if (!_kept.TryGetValue(key, out var known) || !ReferenceEquals(known, rendered))
            {
                Interlocked.Increment(ref _rendered);
            }

            _kept[key] = rendered;
        }
    }
}
