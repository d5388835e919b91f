namespace SiteGen.Import.Syndication;

/// <summary>The kind of feed file an entry came from.</summary>
public enum FeedFormat
{
    Text,
    Rss,
    Atom,
    JsonFeed,
}

/// <summary>What an RSS item, Atom entry or JSON Feed item carries besides its text.</summary>
/// <param name="Format">RSS, Atom or JSON Feed.</param>
/// <param name="Position">1-based position of the item in its file.</param>
/// <param name="Title">The item's own title as plain text, or null when it has none.</param>
/// <param name="Link">The item's link to the original, an absolute http(s) URL, or null.</param>
/// <param name="Guid">The item's guid / id, or null.</param>
/// <param name="Author">Author names, joined with ", ", or null.</param>
/// <param name="Categories">Categories (RSS <c>category</c>, Atom <c>category</c>, JSON Feed <c>tags</c>).</param>
/// <param name="Date">Publication date (else the update date) as written in the feed, or null.</param>
/// <param name="Body">The item's body (HTML or plain text) as read from the feed.</param>
/// <param name="Markdown">The body converted to Markdown for the page body (its highest heading becomes <c>##</c>).</param>
/// <param name="BaseUrl">What relative URLs of the body are resolved against, or null.</param>
public sealed record FeedItem(
    FeedFormat Format,
    int Position,
    string? Title,
    string? Link,
    string? Guid,
    string? Author,
    IReadOnlyList<string> Categories,
    DateTimeOffset? Date,
    ItemBody Body,
    string Markdown,
    Uri? BaseUrl);

/// <summary>An item's body as the feed gave it.</summary>
/// <param name="Content">The markup or text.</param>
/// <param name="IsHtml">HTML (RSS description, <c>content:encoded</c>, Atom html/xhtml, JSON <c>content_html</c>) or plain text.</param>
public sealed record ItemBody(string Content, bool IsHtml);
