using System.Text.RegularExpressions;
using System.Xml;
using SiteGen.Diagnostics;

namespace SiteGen.Import.Syndication;

/// <summary>
/// After the XML of a feed breaks, finds every later item by its tags in the text and reads each one on its own
/// (with the namespaces the root declared), so one broken item costs only itself. An item whose CDATA was
/// nested (<c>&lt;![CDATA[ … &lt;![CDATA[ … ]]&gt; … ]]&gt;</c>, which XML forbids) is read with the outer section's
/// full text.
/// </summary>
internal sealed partial class XmlSalvage(XmlFeedContext context)
{
    /// <returns>How many items after the error were recovered, and whether the item the error is in was (after a repair).</returns>
    public (int Recovered, bool? BrokenItemRead) Recover(string text, int errorLine, int errorColumn, ItemEntries items, List<FeedEntry> entries, DiagnosticBag diagnostics, string shownPath)
    {
        var name = context.Format == FeedFormat.Atom ? "entry" : "item";
        var starts = new Regex($@"<(?:[A-Za-z_][\w.-]*:)?{name}(?=[\s/>])").Matches(text);
        var ends = new Regex($@"</(?:[A-Za-z_][\w.-]*:)?{name}\s*>");
        var from = FeedText.OffsetOf(text, Math.Max(1, errorLine), Math.Max(1, errorColumn));
        var recovered = 0;
        bool? brokenItemRead = null;
        // The item the error is in is tried again too: a nested CDATA section can be repaired.
        var first = 0;
        while (first + 1 < starts.Count && starts[first + 1].Index < from)
        {
            first++;
        }
        for (var k = first; k < starts.Count; k++)
        {
            var start = starts[k].Index;
            var broken = start < from;
            if (broken && ends.Match(text, start) is { Success: true } end0 && end0.Index + end0.Length <= from)
            {
                // The error comes after this item ended (between items): the item was read already.
                continue;
            }
            var end = ends.Match(text, start);
            var (line, column) = FeedText.PositionOf(text, start);
            if (!end.Success)
            {
                diagnostics.Warning(ImportCodes.UnreadableItem, shownPath, line, column, $"item {k + 1} has no end tag </{name}>; it is skipped.");
                continue;
            }
            var chunk = text[start..(end.Index + end.Length)];
            var item = Read(chunk, out var problem, out var badDates);
            if (item is null && RepairNestedCData(chunk) is { } repaired)
            {
                item = Read(repaired, out _, out badDates);
            }
            if (broken)
            {
                brokenItemRead = item is not null;
            }
            if (item is null && broken)
            {
                // The error's own warning covers it.
                continue;
            }
            if (item is null)
            {
                var where = problem is XmlException { LineNumber: > 0 } x ? $" at line {line + x.LineNumber - 1}" : "";
                var message = problem is XmlException xml ? XmlFeedReader.Message(xml) : problem?.Message;
                diagnostics.Warning(ImportCodes.UnreadableItem, shownPath, line, column,
                    $"item {k + 1} cannot be read ({message}{where}); it is skipped, the other items are imported.");
                continue;
            }
            XmlFeedReader.Add(context, item, badDates, k + 1, line, column, items, entries, diagnostics, shownPath);
            recovered += broken ? 0 : 1;
        }
        return (recovered, brokenItemRead);
    }

    private System.ServiceModel.Syndication.SyndicationItem? Read(string chunk, out Exception? problem, out IReadOnlyList<string> badDates)
    {
        var parserContext = new XmlParserContext(null, context.Namespaces, null, XmlSpace.None);
        using var reader = XmlReader.Create(new StringReader(chunk), XmlFeedReader.Settings(ConformanceLevel.Fragment), parserContext);
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException e)
        {
            (problem, badDates) = (e, []);
            return null;
        }
        return XmlFeedReader.ReadItem(reader, context, out problem, out badDates);
    }

    /// <summary>Each element whose content is one CDATA section with another inside it, re-escaped as plain character data.</summary>
    internal static string? RepairNestedCData(string chunk)
    {
        var changed = false;
        var repaired = NestedCData().Replace(chunk, m =>
        {
            var inner = m.Groups["inner"].Value;
            if (!inner.Contains("<![CDATA[", StringComparison.Ordinal) && !inner.Contains("]]>", StringComparison.Ordinal))
            {
                return m.Value;
            }
            changed = true;
            var escaped = inner.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
            return m.Groups["open"].Value + escaped + m.Groups["close"].Value;
        });
        return changed ? repaired : null;
    }

    [GeneratedRegex(@"(?<open><(?<name>[A-Za-z_][\w.:-]*)(?:\s[^>]*)?>)\s*<!\[CDATA\[(?<inner>.*?)\]\]>\s*(?<close></\k<name>\s*>)", RegexOptions.Singleline)]
    private static partial Regex NestedCData();
}
