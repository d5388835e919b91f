namespace SiteGen.Import;

/// <summary>One article after deduplication: its longest version, every other distinct version, and every occurrence.</summary>
/// <param name="Id">Stable id: 12 hex characters of the SHA-256 of the first occurrence's normalized text.</param>
/// <param name="Body">The longest version.</param>
/// <param name="OtherVersions">Every other distinct text (by normalized text), first occurrence of each, in feed order.</param>
/// <param name="Sources">Every occurrence, exact duplicates included, in feed order.</param>
public sealed record Article(
    string Id,
    FeedEntry Body,
    IReadOnlyList<FeedEntry> OtherVersions,
    IReadOnlyList<FeedEntry> Sources);

/// <summary>The articles of a batch of feed entries and how many entries were folded into others.</summary>
/// <param name="Articles">Articles in order of their first occurrence.</param>
/// <param name="ExactDuplicates">Entries equal to an earlier one after NFKC and whitespace normalization.</param>
/// <param name="NearDuplicates">Distinct texts merged into another article as other versions of it (a truncation or a copy with small edits).</param>
public sealed record DeduplicatedArticles(IReadOnlyList<Article> Articles, int ExactDuplicates, int NearDuplicates);
