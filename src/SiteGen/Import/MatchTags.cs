namespace SiteGen.Import;

/// <summary>Tags whose keywords occur in any version of the article (case-insensitive substring), in taxonomy order.</summary>
internal sealed class MatchTags
{
    public IReadOnlyList<string> For(IEnumerable<string> texts, IReadOnlyDictionary<string, IReadOnlyList<string>> taxonomy)
    {
        var all = texts.ToList();
        return taxonomy
            .Where(tag => tag.Value.Any(keyword => keyword.Length > 0
                && all.Any(text => text.Contains(keyword, StringComparison.OrdinalIgnoreCase))))
            .Select(tag => tag.Key)
            .ToList();
    }
}
