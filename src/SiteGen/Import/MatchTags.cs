namespace SiteGen.Import;

/// <summary>
/// Tags whose keywords occur in any version of the article (case-insensitive substring), in taxonomy order; an
/// item's categories count as text too, and a category that is a tag's own name gives that tag.
/// </summary>
internal sealed class MatchTags
{
    public IReadOnlyList<string> For(IEnumerable<string> texts, IReadOnlyDictionary<string, IReadOnlyList<string>> taxonomy) =>
        For(texts, [], taxonomy);

    public IReadOnlyList<string> For(IEnumerable<string> texts, IReadOnlyList<string> categories, IReadOnlyDictionary<string, IReadOnlyList<string>> taxonomy)
    {
        var all = texts.Concat(categories).ToList();
        return taxonomy
            .Where(tag => categories.Contains(tag.Key, StringComparer.OrdinalIgnoreCase)
                || tag.Value.Any(keyword => keyword.Length > 0
                    && all.Any(text => text.Contains(keyword, StringComparison.OrdinalIgnoreCase))))
            .Select(tag => tag.Key)
            .ToList();
    }
}
