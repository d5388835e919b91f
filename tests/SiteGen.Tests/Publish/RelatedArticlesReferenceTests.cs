using System.Text;
using SiteGen.Publish;

namespace SiteGen.Tests.Publish;

/// <summary>
/// The bounded related-articles computation gives exactly what the straightforward one (kept here as it was
/// before, dictionaries per article and per pair) gives, on generated sites with shared and rare terms and tags.
/// </summary>
public sealed class RelatedArticlesReferenceTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 300)]
    [InlineData(3, 700)]
    public void SameListsAsTheReferenceImplementation(int seed, int count)
    {
        var random = new Random(seed);
        const string hanzi = "概率分布模型训练数据标准化流扩散噪声矩阵低秩微调显存梯度优化注意力机制向量空间变换";
        string[] words = ["lora", "transformer", "attention", "kl", "elbo", "softmax", "gradient", "x1", "flow"];
        string[] tagNames = ["生成模型", "大模型", "优化", "概率", "微调"];
        var pages = Enumerable.Range(0, count).Select(i =>
        {
            var text = new StringBuilder();
            for (var k = random.Next(5, 60); k > 0; k--)
            {
                if (random.Next(4) == 0)
                {
                    text.Append(' ').Append(words[random.Next(words.Length)]).Append(random.Next(3) == 0 ? random.Next(50).ToString() : "").Append(' ');
                }
                else
                {
                    text.Append(hanzi[random.Next(hanzi.Length)]);
                }
            }

            var tags = tagNames.Where(_ => random.Next(3) == 0).ToArray();
            return Articles.Page($"a{i:D4}", text.ToString(), tags, $"2024-01-{1 + i % 28:D2}");
        }).ToArray();
        var site = Articles.Site(pages);
        var expected = Reference.Compute(site.Articles, 5);
        var actual = RelatedArticles.Compute(site.Articles, 5);
        for (var i = 0; i < site.Articles.Count; i++)
        {
            Assert.Equal(expected[i].Select(a => a.Index), actual[i].Select(a => a.Index));
        }
    }

    private static class Reference
    {
        private const int TermsPerArticle = 40;
        private const int MaxPostingsPerTerm = RelatedArticles.MaxPostingsPerTerm;
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
        private static Dictionary<string, int> Terms(string text)
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
}
