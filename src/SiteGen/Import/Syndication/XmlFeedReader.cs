using System.ServiceModel.Syndication;
using System.Xml;
using SiteGen.Diagnostics;

namespace SiteGen.Import.Syndication;

/// <summary>
/// Reads an RSS 2.0 or Atom 1.0 file (told apart by the root element) item by item with
/// System.ServiceModel.Syndication, so each item has its own line and one bad item costs only itself. When the
/// XML itself breaks, what came before is kept and every later item is recovered from the text
/// (<see cref="XmlSalvage"/>). No DTD is processed and nothing is resolved from outside the file.
/// </summary>
internal sealed class XmlFeedReader
{
    internal const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>Reads the items into <paramref name="entries"/>; false when the file is not an RSS or Atom feed (warned).</summary>
    public bool Read(string feed, string shownPath, byte[] bytes, List<FeedEntry> entries, DiagnosticBag diagnostics)
    {
        var text = FeedText.Decode(bytes, shownPath, diagnostics);
        var items = new ItemEntries(feed, shownPath, diagnostics);
        using var reader = XmlReader.Create(new StringReader(text), Settings());
        var lines = (IXmlLineInfo)reader;
        var context = new XmlFeedContext();
        try
        {
            reader.MoveToContent();
            context.Format = (reader.LocalName, reader.NamespaceURI) switch
            {
                ("rss", "") => FeedFormat.Rss,
                ("feed", AtomNamespace) => FeedFormat.Atom,
                _ => FeedFormat.Text,
            };
            if (context.Format == FeedFormat.Text)
            {
                var hint = reader.LocalName == "RDF" ? "RSS 1.0 (RDF) is not read" : $"the root element is <{reader.Name}>";
                diagnostics.Warning(ImportCodes.NotAFeed, shownPath, lines.LineNumber, lines.LinePosition,
                    $"not an RSS 2.0 or Atom 1.0 feed: {hint}; expected <rss version=\"2.0\"> or <feed xmlns=\"{AtomNamespace}\">. The file is skipped.");
                return false;
            }
            context.Remember(reader);
            ReadItems(reader, lines, context, items, entries, diagnostics, shownPath);
        }
        catch (XmlException e)
        {
            if (context.Format == FeedFormat.Text)
            {
                diagnostics.Warning(ImportCodes.MalformedXml, shownPath, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition),
                    $"not well-formed XML ({Message(e)}) before any feed element; the file is skipped. Fix the XML, or give it another extension.");
                return false;
            }
            var (recovered, brokenItemRead) = new XmlSalvage(context).Recover(text, e.LineNumber, e.LinePosition, items, entries, diagnostics, shownPath);
            var broken = brokenItemRead switch
            {
                true => "the item it is in was read after repairing its nested CDATA",
                false => "the item it is in is skipped",
                null => "no item is lost here",
            };
            diagnostics.Warning(ImportCodes.MalformedXml, shownPath, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition),
                $"not well-formed XML ({Message(e)}); {broken}, {recovered} later item(s) were recovered. Fix the XML (an '&' must be written '&amp;'; HTML belongs in one CDATA section, or escaped).");
        }
        return true;
    }

    internal static XmlReaderSettings Settings(ConformanceLevel level = ConformanceLevel.Document) => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
        MaxCharactersFromEntities = 1024,
        ConformanceLevel = level,
    };

    private static void ReadItems(XmlReader reader, IXmlLineInfo lines, XmlFeedContext context, ItemEntries items,
        List<FeedEntry> entries, DiagnosticBag diagnostics, string shownPath)
    {
        var itemName = context.Format == FeedFormat.Atom ? "entry" : "item";
        var itemNamespace = context.Format == FeedFormat.Atom ? AtomNamespace : "";
        var itemDepth = context.Format == FeedFormat.Atom ? 1 : 2;
        var position = 0;
        var advance = true;
        while (!advance || reader.Read())
        {
            advance = true;
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.Depth == itemDepth && reader.LocalName == itemName && reader.NamespaceURI == itemNamespace)
            {
                position++;
                // XmlReader points at the element's name, one past its '<'.
                var (line, column) = (lines.LineNumber, Math.Max(1, lines.LinePosition - 1));
                var item = ReadItem(reader, context, out var problem, out var badDates);
                if (reader.ReadState == ReadState.Error)
                {
                    throw problem as XmlException ?? new XmlException(problem?.Message, problem, line, column);
                }
                if (item is null)
                {
                    diagnostics.Warning(ImportCodes.UnreadableItem, shownPath, line, column,
                        $"item {position} cannot be read ({problem?.Message}); it is skipped, the other items are imported.");
                    continue;
                }
                Add(context, item, badDates, position, line, column, items, entries, diagnostics, shownPath);
            }
            else if (context.Format == FeedFormat.Rss && reader.Depth == 1 && reader.LocalName == "channel")
            {
                context.Remember(reader);
            }
            else if (context.Format == FeedFormat.Rss && reader.Depth == 2 && reader.LocalName == "link" && reader.NamespaceURI == "")
            {
                // Read it whether or not a link was seen: the reader must move past it either way.
                var link = reader.ReadElementContentAsString().Trim();
                context.FeedLink ??= link;
                advance = false;
            }
            else if (context.Format == FeedFormat.Atom && reader.Depth == 1 && reader.LocalName == "link" && reader.NamespaceURI == AtomNamespace
                && reader.GetAttribute("rel") is null or "alternate")
            {
                context.FeedLink ??= reader.GetAttribute("href");
            }
        }
    }

    internal static void Add(XmlFeedContext context, SyndicationItem item, IReadOnlyList<string> badDates, int position, int line, int column,
        ItemEntries items, List<FeedEntry> entries, DiagnosticBag diagnostics, string shownPath)
    {
        var raw = context.Raw(item, badDates, position, line, column, out var unsupported);
        if (unsupported is not null)
        {
            diagnostics.Warning(ImportCodes.UnsupportedContent, shownPath, line, column,
                $"item {position}: {unsupported}; its summary is imported instead. Put the text inline as type=\"html\".");
        }
        if (items.Create(raw) is { } entry)
        {
            entries.Add(entry);
        }
    }

    /// <summary>One item through the library's formatter, on a subtree reader so a bad item leaves the file readable.</summary>
    internal static SyndicationItem? ReadItem(XmlReader reader, XmlFeedContext context, out Exception? problem, out IReadOnlyList<string> badDates)
    {
        problem = null;
        var formatter = context.Formatter();
        badDates = formatter.BadDates;
        try
        {
            using var subtree = reader.ReadSubtree();
            subtree.MoveToContent();
            return formatter.Item(subtree);
        }
        catch (Exception e) when (e is XmlException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            problem = e;
            return null;
        }
    }

    internal static string Message(XmlException e)
    {
        // The library repeats the position inside the message; diagnostics already carry it.
        var message = e.Message;
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
