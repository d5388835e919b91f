using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace SiteGen.Publish;

/// <summary>
/// Related articles by shared distinctive terms (CJK bigrams and Latin words, TF-IDF weighted) and shared
/// tags. Each article keeps only its strongest terms and candidates come from their postings, skipping terms
/// so common that their postings say little, so the work per article is bounded (at most
/// <c>TermsPerArticle × MaxPostingsPerTerm</c> candidates) and the whole is linear in the number of articles.
/// </summary>
public static class RelatedArticles
{
    private const int TermsPerArticle = 40;

    /// <summary>
    /// Terms shared by more articles than this are not used to find candidates: they say little about
    /// relatedness, and on large sites their postings would make the scoring compare almost every pair.
    /// </summary>
    internal const int MaxPostingsPerTerm = 100;
    private const double TagWeight = 0.5;

    /// <summary><c>1 + ln(count)</c> for the counts most terms have.</summary>
    private static readonly double[] LogOnePlus = Enumerable.Range(0, 64).Select(c => 1 + Math.Log(c)).ToArray();

    public static IReadOnlyList<ArticleEntry>[] Compute(IReadOnlyList<ArticleEntry> articles, int count)
    {
        var n = articles.Count;
        using var table = new TermTable();
        var counted = new (int[] Ids, int[] Counts)[n];
        Parallel.For(0, n, i => counted[i] = table.Count(articles[i].Page.Title, articles[i].Rendered.Text));
        var documentFrequency = new int[table.Size];
        foreach (var (ids, _) in counted)
        {
            foreach (var id in ids)
            {
                documentFrequency[id]++;
            }
        }

        var names = table.Names();
        // Each term's IDF once, not once per article that has it.
        var idf = new double[documentFrequency.Length];
        for (var id = 0; id < idf.Length; id++)
        {
            idf[id] = documentFrequency[id] == 0 ? 0 : Math.Log(1 + (double)n / documentFrequency[id]);
        }

        var vectors = new (int[] Ids, double[] Weights)[n];
        Parallel.For(0, n, i =>
        {
            vectors[i] = TopTerms(counted[i], idf, names);
            counted[i] = default;
        });

        // Postings of each term, in article order, with that article's weight for the term.
        var postings = new (int Article, double Weight)[table.Size][];
        var filled = new int[table.Size];
        for (var i = 0; i < n; i++)
        {
            foreach (var id in vectors[i].Ids)
            {
                filled[id]++;
            }
        }

        for (var id = 0; id < postings.Length; id++)
        {
            postings[id] = filled[id] == 0 ? [] : new (int, double)[filled[id]];
            filled[id] = 0;
        }

        for (var i = 0; i < n; i++)
        {
            var (ids, weights) = vectors[i];
            for (var k = 0; k < ids.Length; k++)
            {
                postings[ids[k]][filled[ids[k]]++] = (i, weights[k]);
            }
        }

        var tags = articles.Select(a => a.Page.Tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()).ToArray();
        var result = new IReadOnlyList<ArticleEntry>[n];
        Parallel.For(0, n, () => new Scores(n), (i, _, scores) =>
        {
            var (ids, weights) = vectors[i];
            for (var k = 0; k < ids.Length; k++)
            {
                var sharing = postings[ids[k]];
                if (sharing.Length > MaxPostingsPerTerm)
                {
                    continue;
                }

                foreach (var (j, weight) in sharing)
                {
                    if (j != i)
                    {
                        scores.Add(j, weights[k] * weight);
                    }
                }
            }

            result[i] = scores.Best(count, j => TagWeight * Shared(tags[i], tags[j])).Select(j => articles[j]).ToList();
            scores.Clear();
            return scores;
        }, _ => { });
        return result;
    }

    /// <summary>The article's strongest terms, weight first then term in ordinal order, L2-normalised.</summary>
    private static (int[] Ids, double[] Weights) TopTerms((int[] Ids, int[] Counts) terms, double[] idf, string[] names)
    {
        var top = new List<(int Id, double Weight)>(TermsPerArticle + 1);
        for (var k = 0; k < terms.Ids.Length; k++)
        {
            var id = terms.Ids[k];
            var count = terms.Counts[k];
            var weight = (count < LogOnePlus.Length ? LogOnePlus[count] : 1 + Math.Log(count)) * idf[id];
            Offer(top, TermsPerArticle, (id, weight), (a, b) => Before(a, b, names));
        }

        var sum = 0.0;
        foreach (var (_, weight) in top)
        {
            sum += weight * weight;
        }

        var norm = Math.Sqrt(sum);
        return (top.Select(t => t.Id).ToArray(), top.Select(t => norm > 0 ? t.Weight / norm : 0).ToArray());
    }

    private static bool Before((int Id, double Weight) a, (int Id, double Weight) b, string[] names) =>
        a.Weight > b.Weight || (a.Weight == b.Weight && string.CompareOrdinal(names[a.Id], names[b.Id]) < 0);

    /// <summary>
    /// Puts <paramref name="item"/> into <paramref name="top"/>, the best <paramref name="count"/> so far in order, if it
    /// belongs there (<paramref name="before"/> says which of two goes first): an insertion, as the lists are short.
    /// </summary>
    private static void Offer<T>(List<T> top, int count, T item, Func<T, T, bool> before)
    {
        if (count <= 0 || (top.Count == count && !before(item, top[^1])))
        {
            return;
        }

        var at = top.Count;
        while (at > 0 && before(item, top[at - 1]))
        {
            at--;
        }

        top.Insert(at, item);
        if (top.Count > count)
        {
            top.RemoveAt(count);
        }
    }

    private static int Shared(string[] a, string[] b)
    {
        int shared = 0, x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            var order = string.CompareOrdinal(a[x], b[y]);
            shared += order == 0 ? 1 : 0;
            x += order <= 0 ? 1 : 0;
            y += order >= 0 ? 1 : 0;
        }

        return shared;
    }

    /// <summary>CJK character bigrams and lower-cased Latin words of three letters or more.</summary>
    internal static Dictionary<string, int> Terms(string text)
    {
        using var table = new TermTable();
        var (ids, counts) = table.Count(text);
        var names = table.Names();
        return ids.Select((id, k) => (names[id], counts[k])).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
    }

    /// <summary>A dense score accumulator for one article at a time (per thread): scores and the candidates touched.</summary>
    private sealed class Scores(int n)
    {
        private readonly double[] _score = new double[n];
        private readonly bool[] _seen = new bool[n];
        private readonly List<int> _touched = [];

        public void Add(int j, double value)
        {
            if (!_seen[j])
            {
                _seen[j] = true;
                _touched.Add(j);
            }

            _score[j] += value;
        }

        /// <summary>The <paramref name="count"/> best candidates by score plus <paramref name="bonus"/>, ties by article order.</summary>
        /// <remarks>A top-<paramref name="count"/> insertion (a handful) instead of sorting every candidate: a fifth of the stage at 10,000 articles.</remarks>
        public List<int> Best(int count, Func<int, double> bonus)
        {
            var best = new List<(int Index, double Score)>(Math.Max(0, count) + 1);
            foreach (var j in _touched)
            {
                Offer(best, count, (j, _score[j] + bonus(j)), Before);
            }

            return best.ConvertAll(b => b.Index);
        }

        private static bool Before((int Index, double Score) a, (int Index, double Score) b) =>
            a.Score > b.Score || (a.Score == b.Score && a.Index < b.Index);

        public void Clear()
        {
            foreach (var j in _touched)
            {
                _score[j] = 0;
                _seen[j] = false;
            }

            _touched.Clear();
        }
    }

    /// <summary>Term ids shared by all articles of one computation; a term's text is made once, when first seen.</summary>
    private sealed class TermTable : IDisposable
    {
        private readonly ConcurrentDictionary<long, int> _bigrams = new();
        private readonly ConcurrentDictionary<string, int> _words = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<int, string> _names = new();
        private readonly ThreadLocal<Counter> _local = new(() => new Counter());
        private int _next = -1;

        public int Size => _next + 1;

        public void Dispose() => _local.Dispose();

        public string[] Names()
        {
            var names = new string[Size];
            foreach (var (id, name) in _names)
            {
                names[id] = name;
            }

            return names;
        }

        /// <summary>
        /// The distinct terms of <paramref name="text"/> and <paramref name="more"/> and how often each occurs; no term
        /// spans the two (as if a line break were between them, without making the joined copy).
        /// </summary>
        public (int[] Ids, int[] Counts) Count(string text, string? more = null)
        {
            var local = _local.Value!;
            var words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
            var word = local.Word;
            var length = 0;
            Rune? previousCjk = null;
            void FlushWord()
            {
                if (length >= 3)
                {
                    var key = word.AsSpan(0, length);
                    local.Add(words.TryGetValue(key, out var id) ? id : _words.GetOrAdd(key.ToString(), Named));
                }

                length = 0;
            }

            foreach (var part in more is null ? [text] : new[] { text, more })
            {
                foreach (var rune in part.EnumerateRunes())
                {
                    if (ReadingTime.IsCjk(rune))
                    {
                        FlushWord();
                        if (previousCjk is { } prev)
                        {
                            var key = ((long)prev.Value << 21) | (uint)rune.Value;
                            // The thread's own map first: most bigrams recur, and it needs no synchronisation.
                            ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(local.Bigrams, key, out var seen);
                            if (!seen)
                            {
                                // The factory takes its state as an argument: a lambda capturing prev and rune made a closure
                                // object for every bigram of every article (80 MB a build at 2,000 articles), called or not.
                                known = _bigrams.TryGetValue(key, out var id)
                                    ? id
                                    : _bigrams.GetOrAdd(key, static (_, made) => made.Table.Named(made.Prev.ToString() + made.Next.ToString()), (Table: this, Prev: prev, Next: rune));
                            }

                            local.Add(known);
                        }

                        previousCjk = rune;
                        continue;
                    }

                    previousCjk = null;
                    if (Rune.IsLetterOrDigit(rune))
                    {
                        if (length + 2 > word.Length)
                        {
                            Array.Resize(ref word, word.Length * 2);
                            local.Word = word;
                        }

                        length += Rune.ToLowerInvariant(rune).EncodeToUtf16(word.AsSpan(length));
                    }
                    else
                    {
                        FlushWord();
                    }
                }

                FlushWord();
                previousCjk = null;
            }

            return local.Take();
        }

        private int Named(string name)
        {
            var id = Interlocked.Increment(ref _next);
            _names[id] = name;
            return id;
        }

        /// <summary>One thread's counts by term id for the article being counted, and its cache of bigram ids.</summary>
        private sealed class Counter
        {
            private readonly List<int> _touched = new(1024);
            private int[] _counts = new int[1 << 12];

            public Dictionary<long, int> Bigrams { get; } = [];

            public char[] Word { get; set; } = new char[64];

            public void Add(int id)
            {
                if (id >= _counts.Length)
                {
                    Array.Resize(ref _counts, Math.Max(id + 1, _counts.Length * 2));
                }

                if (_counts[id]++ == 0)
                {
                    _touched.Add(id);
                }
            }

            /// <summary>The ids counted since the last call, in the order first seen, with their counts; then starts again.</summary>
            public (int[] Ids, int[] Counts) Take()
            {
                // Unsorted: document frequencies and the top terms (a strict order by weight, then name) do not depend on it.
                var ids = _touched.ToArray();
                var counts = new int[ids.Length];
                for (var k = 0; k < ids.Length; k++)
                {
                    counts[k] = _counts[ids[k]];
                    _counts[ids[k]] = 0;
                }

                _touched.Clear();
                return (ids, counts);
            }
        }
    }
}
