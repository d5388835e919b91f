using System.Text;

namespace SiteGen.Publish;

/// <summary>
/// Related articles by shared distinctive terms (CJK bigrams and Latin words, TF-IDF weighted) and shared
/// tags. Each article keeps only its strongest terms and candidates come from their postings, so large
/// sites avoid comparing every pair.
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

    public static IReadOnlyList<ArticleEntry>[] Compute(IReadOnlyList<ArticleEntry> articles, int count)
    {
        var termCounts = articles.AsParallel().AsOrdered().Select(a => Terms(a.Page.Title + "\n" + a.Rendered.Text)).ToArray();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in termCounts)
        {
            foreach (var term in terms.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var n = articles.Count;
        var vectors = termCounts.AsParallel().AsOrdered().Select(terms => TopTerms(terms, documentFrequency, n)).ToArray();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            foreach (var term in vectors[i].Keys)
            {
                (postings.TryGetValue(term, out var list) ? list : postings[term] = []).Add(i);
            }
        }

        var result = new IReadOnlyList<ArticleEntry>[n];
        Parallel.For(0, n, i =>
        {
            var scores = new Dictionary<int, double>();
            foreach (var (term, weight) in vectors[i])
            {
                var sharing = postings[term];
                if (sharing.Count > MaxPostingsPerTerm)
                {
                    continue;
                }

                foreach (var j in sharing)
                {
                    if (j != i)
                    {
                        scores[j] = scores.GetValueOrDefault(j) + weight * vectors[j][term];
                    }
                }
            }

            var tags = articles[i].Page.Tags;
            result[i] = scores
                .Select(kv => (Index: kv.Key, Score: kv.Value + TagWeight * articles[kv.Key].Page.Tags.Intersect(tags).Count()))
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Index)
                .Take(count)
                .Select(x => articles[x.Index])
                .ToList();
        });
        return result;
    }

    private static Dictionary<string, double> TopTerms(Dictionary<string, int> terms, Dictionary<string, int> df, int n)
    {
        var weighted = terms
            .Select(kv => (Term: kv.Key, Weight: (1 + Math.Log(kv.Value)) * Math.Log(1 + (double)n / df[kv.Key])))
            .OrderByDescending(x => x.Weight)
            .ThenBy(x => x.Term, StringComparer.Ordinal)
            .Take(TermsPerArticle)
            .ToList();
        var norm = Math.Sqrt(weighted.Sum(x => x.Weight * x.Weight));
        return weighted.ToDictionary(x => x.Term, x => norm > 0 ? x.Weight / norm : 0, StringComparer.Ordinal);
    }

    /// <summary>CJK character bigrams and lower-cased Latin words of three letters or more.</summary>
    internal static Dictionary<string, int> Terms(string text)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        Rune? previousCjk = null;
        void Add(string term) => terms[term] = terms.GetValueOrDefault(term) + 1;
        void FlushWord()
        {
            if (word.Length >= 3)
            {
                Add(word.ToString());
            }

            word.Clear();
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (ReadingTime.IsCjk(rune))
            {
                FlushWord();
                if (previousCjk is { } prev)
                {
                    Add(prev.ToString() + rune.ToString());
                }

                previousCjk = rune;
                continue;
            }

            previousCjk = null;
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                FlushWord();
            }
        }

        FlushWord();
        return terms;
    }
}
