using SiteGen.Import.Syndication;

namespace SiteGen.Import;

/// <summary>One article of a feed (a text feed's line, or an RSS / Atom / JSON Feed item), with its provenance.</summary>
/// <param name="Feed">The feed's file name, e.g. <c>000_867657b6d5943328.txt</c>.</param>
/// <param name="Path">The feed's path as diagnostics print it, e.g. <c>seeds/000_867657b6d5943328.txt</c>.</param>
/// <param name="Line">1-based line number in the feed (for an item: the line of its start tag or object).</param>
/// <param name="Text">
/// The text deduplication, titles and tags read: the line itself (invalid bytes and control characters replaced by
/// U+FFFD, with a warning), or for an item its title and its body reduced to text.
/// </param>
public sealed record FeedEntry(string Feed, string Path, int Line, string Text)
{
    /// <summary>The item's title, link, date, … and Markdown body, or null for a text feed's line.</summary>
    public FeedItem? Item { get; init; }
}

/// <summary>What <see cref="ReadFeeds"/> found: every feed file it read (in order) and their entries.</summary>
public sealed record FeedBatch(IReadOnlyList<string> Feeds, IReadOnlyList<FeedEntry> Entries);
