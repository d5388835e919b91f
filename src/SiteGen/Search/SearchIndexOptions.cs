namespace SiteGen.Search;

/// <summary>Size knobs of the search index; the defaults keep a typical query well under 300 kB.</summary>
/// <param name="TargetShardBytes">Average bytes of one term shard; the shard count follows from it.</param>
/// <param name="MaxFragmentChars">Plain text kept per document for snippets (it bounds what 10 results download); a match only past it shows the opening text and links to the page top.</param>
/// <param name="MaxPositions">Positions kept per term and document for the phrase bonus.</param>
/// <param name="TargetFragmentFileBytes">Average bytes of one file of document fragments; a shown result loads one such file.</param>
/// <param name="TargetTypoFileBytes">Average bytes of one typo-dictionary file; a misspelt word loads up to 16 of them.</param>
public sealed record SearchIndexOptions(
    int TargetShardBytes = 16_000, int MaxFragmentChars = 5_000, int MaxPositions = 3, int TargetFragmentFileBytes = 6_000,
    int TargetTypoFileBytes = 3_000)
{
    public static SearchIndexOptions Default { get; } = new();

    /// <summary>
    /// Query-time synonyms (<c>search.synonyms</c> in sitegen.yml): a query word equal to a key also finds
    /// pages with any of its values. One-way: list both directions to have both.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The options a site's configuration asks for.</summary>
    public static SearchIndexOptions For(Config.SiteConfig config) => new() { Synonyms = config.SearchSynonyms };
}
