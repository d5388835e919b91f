namespace SiteGen.Import;

/// <summary>One article line of a feed, with its provenance.</summary>
/// <param name="Feed">The feed's file name, e.g. <c>000_867657b6d5943328.txt</c>.</param>
/// <param name="Path">The feed's path as diagnostics print it, e.g. <c>seeds/000_867657b6d5943328.txt</c>.</param>
/// <param name="Line">1-based line number in the feed.</param>
/// <param name="Text">The line's text (invalid bytes and control characters replaced by U+FFFD, with a warning).</param>
public sealed record FeedEntry(string Feed, string Path, int Line, string Text);

/// <summary>What <see cref="ReadFeeds"/> found: every feed file it read (in order) and their entries.</summary>
public sealed record FeedBatch(IReadOnlyList<string> Feeds, IReadOnlyList<FeedEntry> Entries);
