using System.ServiceModel.Syndication;
using System.Xml;

namespace SiteGen.Import.Syndication;

/// <summary>What an XML feed says about all its items: the format, namespaces in scope, <c>xml:base</c> and the feed's own link.</summary>
internal sealed class XmlFeedContext
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public FeedFormat Format { get; set; } = FeedFormat.Text;
    public XmlNamespaceManager Namespaces { get; } = new(new NameTable());
    public Uri? XmlBase { get; private set; }
    public string? FeedLink { get; set; }

    /// <summary>Namespace declarations and <c>xml:base</c> of the root (and RSS channel), for items read on their own.</summary>
    public void Remember(XmlReader reader)
    {
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix == "xmlns")
                {
                    Namespaces.AddNamespace(reader.LocalName, reader.Value);
                }
                else if (reader.Name == "xmlns")
                {
                    Namespaces.AddNamespace("", reader.Value);
                }
                else if (reader.Name == "xml:base" && SafeUrl.HttpUri(reader.Value) is { } xmlBase)
                {
                    XmlBase ??= xmlBase;
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
    }

    public IItemFormatter Formatter() => Format == FeedFormat.Atom ? new AtomItems() : new RssItems();

    /// <summary>The library's item, mapped to what the import keeps.</summary>
    public RawItem Raw(SyndicationItem item, IReadOnlyList<string> badDates, int position, int line, int column, out string? unsupported)
    {
        unsupported = null;
        var feedBase = XmlBase ?? SafeUrl.HttpUri(FeedLink);
        var itemBase = item.BaseUri is null ? feedBase
            : SafeUrl.HttpUri(item.BaseUri.OriginalString) is { } absoluteBase ? absoluteBase
            : SafeUrl.Resolve(item.BaseUri.OriginalString, feedBase, false, out _) ?? feedBase;
        var alternate = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate" && l.MediaType is null or "text/html")
            ?? item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate");
        var link = alternate?.Uri is { } uri ? Absolute(uri, itemBase) : null;
        if (link is null && item.Id is { } id && id.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Format == FeedFormat.Rss)
        {
            // An RSS guid is a permalink unless it says isPermaLink="false".
            link = id;
        }
        var baseUrl = item.BaseUri is not null ? itemBase : SafeUrl.HttpUri(link) ?? itemBase;

        var date = item.PublishDate != default ? item.PublishDate
            : Extension(item, "date", DublinCore) is { } dc && FeedDates.TryParse(dc, out var dcDate) ? dcDate
            : item.LastUpdatedTime != default ? item.LastUpdatedTime
            : (DateTimeOffset?)null;

        var body = Format == FeedFormat.Atom ? AtomBody(item, out unsupported) : RssBody(item);
        var authors = item.Authors.Select(Author).OfType<string>().ToList();
        if (Extension(item, "creator", DublinCore) is { Length: > 0 } creator)
        {
            authors.Insert(0, creator);
        }
        return new RawItem(
            Format,
            position,
            line,
            column,
            item.Title?.Text,
            TitleIsHtml: item.Title?.Type is "html" or "xhtml",
            link,
            item.Id,
            authors.Count == 0 ? null : string.Join(", ", authors.Distinct(StringComparer.Ordinal)),
            item.Categories.Select(c => string.IsNullOrWhiteSpace(c.Label) ? c.Name : c.Label).OfType<string>().ToList(),
            date,
            body,
            baseUrl,
            badDates);
    }

    private static string? Absolute(Uri uri, Uri? baseUrl) =>
        SafeUrl.HttpUri(uri.OriginalString)?.AbsoluteUri
        ?? SafeUrl.Resolve(uri.OriginalString, baseUrl, false, out _)?.AbsoluteUri
        ?? uri.OriginalString;

    /// <summary><c>content:encoded</c> when it has anything, else <c>description</c>; both are HTML.</summary>
    private static ItemBody? RssBody(SyndicationItem item)
    {
        if (Extension(item, "encoded", ContentNamespace) is { } encoded && encoded.Trim().Length > 0)
        {
            return new ItemBody(encoded, IsHtml: true);
        }
        // The library files <description> under Summary, or under Content when the item has no <link>.
        var description = item.Summary?.Text is { Length: > 0 } summary ? summary : (item.Content as TextSyndicationContent)?.Text;
        return string.IsNullOrEmpty(description) ? null : new ItemBody(description, IsHtml: true);
    }

    /// <summary>Inline <c>content</c> (text, html or xhtml), else <c>summary</c>; out-of-line or media content is not fetched.</summary>
    private static ItemBody? AtomBody(SyndicationItem item, out string? unsupported)
    {
        unsupported = null;
        switch (item.Content)
        {
            case TextSyndicationContent { Text.Length: > 0 } text:
                return new ItemBody(text.Text, IsHtml: text.Type != "text");
            case UrlSyndicationContent url:
                unsupported = $"its content is at {url.Url} (src=), which is not fetched";
                break;
            case XmlSyndicationContent xml:
                unsupported = $"its content has type '{xml.Type}', which is not text, html or xhtml";
                break;
        }
        return item.Summary is { Text.Length: > 0 } summary ? new ItemBody(summary.Text, IsHtml: summary.Type != "text") : null;
    }

    private static string? Author(SyndicationPerson person)
    {
        if (!string.IsNullOrWhiteSpace(person.Name))
        {
            return person.Name.Trim();
        }
        // RSS <author> is "mail@example.com (Name)": show the name, not the address.
        var email = person.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }
        var open = email.IndexOf('(');
        return open >= 0 && email.EndsWith(')') ? email[(open + 1)..^1].Trim() : email;
    }

    private static string? Extension(SyndicationItem item, string name, string ns)
    {
        foreach (var extension in item.ElementExtensions)
        {
            if (extension.OuterName == name && extension.OuterNamespace == ns)
            {
                using var reader = extension.GetReader();
                return reader.ReadElementContentAsString();
            }
        }
        return null;
    }
}

/// <summary>Reads one item with the library, lenient about dates and URIs (a bad one is reported, not fatal to the item).</summary>
internal interface IItemFormatter
{
    SyndicationItem Item(XmlReader reader);

    IReadOnlyList<string> BadDates { get; }
}

internal sealed class RssItems : Rss20FeedFormatter, IItemFormatter
{
    private readonly List<string> _badDates = [];

    public RssItems()
    {
        DateTimeParser = (XmlDateTimeData data, out DateTimeOffset date) => LenientParsers.Date(data, _badDates, out date);
        UriParser = LenientParsers.Uri;
    }

    public IReadOnlyList<string> BadDates => _badDates;

    public SyndicationItem Item(XmlReader reader) => ReadItem(reader, new SyndicationFeed());
}

internal sealed class AtomItems : Atom10FeedFormatter, IItemFormatter
{
    private readonly List<string> _badDates = [];

    public AtomItems()
    {
        DateTimeParser = (XmlDateTimeData data, out DateTimeOffset date) => LenientParsers.Date(data, _badDates, out date);
        UriParser = LenientParsers.Uri;
    }

    public IReadOnlyList<string> BadDates => _badDates;

    public SyndicationItem Item(XmlReader reader) => ReadItem(reader, new SyndicationFeed());
}

internal static class LenientParsers
{
    public static bool Date(XmlDateTimeData data, List<string> bad, out DateTimeOffset date)
    {
        if (FeedDates.TryParse(data.DateTimeString, out date))
        {
            return true;
        }
        bad.Add(data.DateTimeString ?? "");
        date = default;
        return true;
    }

    public static bool Uri(XmlUriData data, out Uri uri)
    {
        if (System.Uri.TryCreate(data.UriString?.Trim(), data.UriKind, out var parsed))
        {
            uri = parsed;
            return true;
        }
        // Kept as a URI no page will link to: SafeUrl accepts only http(s).
        uri = new Uri("about:invalid");
        return true;
    }
}
