using SiteGen.Config;

namespace SiteGen.Import.Syndication;

/// <summary>
/// A separate pass after <see cref="DeduplicateArticles"/>, which compares text only. First, articles whose feed
/// items share a link or a guid are merged when their texts also agree, by a lower bar than text alone needs
/// (shingle Jaccard ≥ half the threshold, or ≥ 50% of the shorter one's shingles in the longer). A shared link
/// is strong evidence, never enough by itself: a feed that gives every item its home page as link merges nothing,
/// and a link shared by more than <see cref="MaxArticlesPerKey"/> articles is ignored. Then, where a text line
/// and a feed item have the same text, the item stands for it (as body or version): it has the structure
/// (paragraphs, emphasis, code) the flattened line lost.
/// </summary>
internal sealed class MergeFeedItems
{
    internal const int MaxArticlesPerKey = 8;
    private const double MinimumContainment = 0.5;

    public DeduplicatedArticles Merge(DeduplicatedArticles deduplicated, IReadOnlyList<FeedEntry> entries, SiteConfig config)
    {
        var articles = deduplicated.Articles;
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var a = 0; a < articles.Count; a++)
        {
            foreach (var key in articles[a].Sources.Select(s => s.Item).OfType<FeedItem>().SelectMany(Keys).Distinct())
            {
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                }
                list.Add(a);
            }
        }

        var unionFind = new UnionFind(articles.Count);
        var merged = 0;
        var shingles = new Dictionary<int, ulong[]>();
        foreach (var members in byKey.Values.Where(m => m.Count is > 1 and <= MaxArticlesPerKey))
        {
            for (var i = 1; i < members.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var (a, b) = (members[j], members[i]);
                    if (unionFind.Find(a) != unionFind.Find(b) && TextsAgree(Shingles(a), Shingles(b), config.DedupThreshold))
                    {
                        unionFind.Union(a, b);
                        merged++;
                    }
                }
            }
        }
        if (merged == 0)
        {
            return deduplicated with { Articles = articles.Select(PreferItems).ToList() };
        }

        var order = new Dictionary<FeedEntry, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entries.Count; i++)
        {
            order[entries[i]] = i;
        }
        var groups = Enumerable.Range(0, articles.Count).GroupBy(unionFind.Find).Select(g => g.Order().ToList()).OrderBy(g => g[0]);
        var result = groups.Select(g => g.Count == 1 ? articles[g[0]] : Combine(g.Select(a => articles[a]).ToList(), order)).Select(PreferItems).ToList();
        return new DeduplicatedArticles(result, deduplicated.ExactDuplicates, deduplicated.NearDuplicates + merged);

        ulong[] Shingles(int a)
        {
            if (!shingles.TryGetValue(a, out var set))
            {
                shingles[a] = set = ShingleSet.Of(TextKey.Normalize(articles[a].Body.Text), config.ShingleSize);
            }
            return set;
        }
    }

    /// <summary>Each text-line version replaced by a feed item among the sources with the same normalized text.</summary>
    private static Article PreferItems(Article article)
    {
        if (!article.Sources.Any(s => s.Item is not null) || article.Sources.All(s => s.Item is not null))
        {
            return article;
        }
        var items = article.Sources.Where(s => s.Item is not null).ToList();
        FeedEntry Prefer(FeedEntry version)
        {
            if (version.Item is not null)
            {
                return version;
            }
            var key = TextKey.Normalize(version.Text);
            return items.FirstOrDefault(i => TextKey.Normalize(i.Text) == key) ?? version;
        }
        return article with { Body = Prefer(article.Body), OtherVersions = article.OtherVersions.Select(Prefer).ToList() };
    }

    internal static bool TextsAgree(ulong[] a, ulong[] b, double threshold)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }
        var common = ShingleSet.Intersection(a, b);
        return (double)common / (a.Length + b.Length - common) >= threshold / 2
            || (double)common / Math.Min(a.Length, b.Length) >= MinimumContainment;
    }

    /// <summary>The first article keeps its id; the longest version is the body, as in <see cref="DeduplicateArticles"/>.</summary>
    private static Article Combine(List<Article> group, Dictionary<FeedEntry, int> order)
    {
        var versions = group.SelectMany(a => new[] { a.Body }.Concat(a.OtherVersions)).OrderBy(e => Order(order, e)).ToList();
        var body = versions[0];
        foreach (var version in versions)
        {
            if (TextKey.Normalize(version.Text).Length > TextKey.Normalize(body.Text).Length)
            {
                body = version;
            }
        }
        return new Article(
            group[0].Id,
            body,
            versions.Where(v => !ReferenceEquals(v, body)).ToList(),
            group.SelectMany(a => a.Sources).OrderBy(e => Order(order, e)).ToList());
    }

    private static int Order(Dictionary<FeedEntry, int> order, FeedEntry entry) => order.TryGetValue(entry, out var i) ? i : int.MaxValue;

    /// <summary>A link compared without scheme, <c>www.</c>, trailing slash, fragment or utm_ parameters; a guid as written.</summary>
    internal static IEnumerable<string> Keys(FeedItem item)
    {
        if (SafeUrl.HttpUri(item.Link) is { } uri)
        {
            yield return LinkKey(uri);
        }
        if (item.Guid is { } guid)
        {
            yield return SafeUrl.HttpUri(guid) is { } guidUri ? LinkKey(guidUri) : "guid:" + guid;
        }
    }

    private static string LinkKey(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        var query = string.Join("&", uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)));
        return $"link:{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{uri.AbsolutePath.TrimEnd('/')}{(query.Length > 0 ? "?" + query : "")}";
    }
}
