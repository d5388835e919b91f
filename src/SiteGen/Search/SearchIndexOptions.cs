namespace SiteGen.Search;

/// <summary>Size knobs of the search index; the defaults keep a typical query well under 300 kB.</summary>
/// <param name="TargetShardBytes">Average bytes of one term shard; the shard count follows from it.</param>
/// <param name="MaxFragmentChars">Plain text kept per document for snippets (it bounds what 10 results download); a match only past it shows the opening text and links to the page top.</param>
/// <param name="MaxPositions">Positions kept per term and document for the phrase bonus.</param>
/// <param name="TargetFragmentFileBytes">Average bytes of one file of document fragments; a shown result loads one such file.</param>
public sealed record SearchIndexOptions(
    int TargetShardBytes = 16_000, int MaxFragmentChars = 5_000, int MaxPositions = 3, int TargetFragmentFileBytes = 6_000)
{
    public static SearchIndexOptions Default { get; } = new();
}
