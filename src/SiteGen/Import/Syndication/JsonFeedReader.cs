using System.Text;
using System.Text.Json;
using SiteGen.Diagnostics;

namespace SiteGen.Import.Syndication;

/// <summary>
/// Reads a JSON Feed 1.0 / 1.1 file with System.Text.Json, item by item with each item's line. A file that is
/// JSON but not a feed (no <c>version</c> of jsonfeed.org, no <c>items</c> array) is a warning and is skipped;
/// after a syntax error the items before it are kept and later whole item objects are recovered.
/// </summary>
internal sealed class JsonFeedReader
{
    private const string VersionPrefix = "https://jsonfeed.org/version/";

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    /// <summary>Reads the items into <paramref name="entries"/>; false when the file is not a JSON Feed (warned).</summary>
    public bool Read(string feed, string shownPath, byte[] bytes, List<FeedEntry> entries, DiagnosticBag diagnostics)
    {
        var data = Utf8(bytes, shownPath, diagnostics);
        if (LoneSurrogateEscapes.Replace(data) is { Count: > 0 } lone)
        {
            var (line, column) = Position(data, lone.First);
            diagnostics.Warning(ImportCodes.ControlCharacter, shownPath, line, column,
                $"{lone.Count} escape(s) of a lone surrogate (half of a pair, not a character) replaced by U+FFFD, the first here; remove them from the feed.");
        }
        var found = new List<(long Offset, JsonElement Item)>();
        string? version = null, home = null, feedUrl = null;
        var topLevelIsObject = false;
        var reader = new Utf8JsonReader(data, Options);
        try
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                topLevelIsObject = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    switch (name)
                    {
                        case "version" when reader.TokenType == JsonTokenType.String: version = reader.GetString(); break;
                        case "home_page_url" when reader.TokenType == JsonTokenType.String: home = reader.GetString(); break;
                        case "feed_url" when reader.TokenType == JsonTokenType.String: feedUrl = reader.GetString(); break;
                        case "items" when reader.TokenType == JsonTokenType.StartArray:
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            {
                                var offset = reader.TokenStartIndex;
                                using var item = JsonDocument.ParseValue(ref reader);
                                found.Add((offset, item.RootElement.Clone()));
                            }
                            break;
                        default: reader.Skip(); break;
                    }
                }
            }
            if (!IsFeed(version, topLevelIsObject))
            {
                NotAFeed(shownPath, diagnostics, topLevelIsObject);
                return false;
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var byteColumn = (int)(e.BytePositionInLine ?? 0) + 1;
            var column = Position(data, ByteOffset(data, line, byteColumn)).Column;
            var mentionsVersion = data.AsSpan().IndexOf(Encoding.UTF8.GetBytes(VersionPrefix)) >= 0;
            if (!IsFeed(version, topLevelIsObject) && !mentionsVersion)
            {
                diagnostics.Warning(ImportCodes.MalformedJson, shownPath, line, column,
                    $"not valid JSON ({Message(e)}) and not recognisably a JSON Feed; the file is skipped.");
                return false;
            }
            var recovered = Salvage(data, ByteOffset(data, line, byteColumn), found);
            diagnostics.Warning(ImportCodes.MalformedJson, shownPath, line, column,
                $"not valid JSON ({Message(e)}); {found.Count - recovered} item(s) before this point were read and {recovered} later item(s) recovered. Fix the JSON (a '\"' inside a string must be written '\\\"').");
        }

        var items = new ItemEntries(feed, shownPath, diagnostics);
        var feedBase = SafeUrl.HttpUri(home) ?? SafeUrl.HttpUri(feedUrl);
        for (var i = 0; i < found.Count; i++)
        {
            var (line, column) = Position(data, found[i].Offset);
            if (found[i].Item.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Warning(ImportCodes.UnreadableItem, shownPath, line, column, $"item {i + 1} is not an object; it is skipped.");
                continue;
            }
            if (items.Create(Raw(found[i].Item, i + 1, line, column, feedBase)) is { } entry)
            {
                entries.Add(entry);
            }
        }
        return true;
    }

    private static bool IsFeed(string? version, bool topLevelIsObject) =>
        topLevelIsObject && version is not null && version.StartsWith(VersionPrefix, StringComparison.Ordinal);

    private static void NotAFeed(string shownPath, DiagnosticBag diagnostics, bool topLevelIsObject) =>
        diagnostics.Warning(ImportCodes.NotAFeed, shownPath, 1, 1,
            (topLevelIsObject ? "not a JSON Feed: no \"version\": \"https://jsonfeed.org/version/1.1\"" : "not a JSON Feed: the top level is not an object")
            + "; the file is skipped. Only JSON Feed 1.0/1.1 files belong in the seeds folder as *.json.");

    private static RawItem Raw(JsonElement item, int position, int line, int column, Uri? feedBase)
    {
        var badDates = new List<string>();
        DateTimeOffset? date = null;
        foreach (var key in new[] { "date_published", "date_modified" })
        {
            if (String(item, key) is { } text)
            {
                if (FeedDates.TryParse(text, out var parsed))
                {
                    date ??= parsed;
                }
                else
                {
                    badDates.Add(text);
                }
            }
        }
        var authors = new List<string>();
        if (item.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            authors.AddRange(list.EnumerateArray().Select(a => String(a, "name")).OfType<string>());
        }
        if (authors.Count == 0 && item.TryGetProperty("author", out var single) && String(single, "name") is { } name)
        {
            authors.Add(name);
        }
        var tags = item.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        var body = String(item, "content_html") is { Length: > 0 } html ? new ItemBody(html, IsHtml: true)
            : String(item, "content_text") is { Length: > 0 } text2 ? new ItemBody(text2, IsHtml: false)
            : String(item, "summary") is { Length: > 0 } summary ? new ItemBody(summary, IsHtml: false)
            : null;
        var link = String(item, "url") ?? String(item, "external_url");
        var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number ? idValue.ToString() : null;
        var baseUrl = SafeUrl.HttpUri(link) is { } itemUrl ? itemUrl : SafeUrl.Resolve(link, feedBase, false, out _) ?? feedBase;
        return new RawItem(FeedFormat.JsonFeed, position, line, column, String(item, "title"), TitleIsHtml: false, link, id,
            authors.Count == 0 ? null : string.Join(", ", authors), tags, date, body, baseUrl, badDates);
    }

    private static string? String(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Every whole object with an <c>id</c> after the error, each taken as an item.</summary>
    private static int Salvage(byte[] data, int from, List<(long Offset, JsonElement Item)> found)
    {
        var recovered = 0;
        for (var p = from; p < data.Length; p++)
        {
            if (data[p] != (byte)'{')
            {
                continue;
            }
            var reader = new Utf8JsonReader(data.AsSpan(p), Options);
            try
            {
                reader.Read();
                using var document = JsonDocument.ParseValue(ref reader);
                if (document.RootElement.TryGetProperty("id", out _))
                {
                    found.Add((p, document.RootElement.Clone()));
                    recovered++;
                    p += (int)reader.BytesConsumed - 1;
                }
            }
            catch (JsonException)
            {
                // Not the start of a whole object: try the next '{'.
            }
        }
        return recovered;
    }

    /// <summary>UTF-8 bytes without a BOM; invalid sequences become U+FFFD with one warning.</summary>
    private static byte[] Utf8(byte[] bytes, string shownPath, DiagnosticBag diagnostics)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            span = span[3..];
        }
        if (System.Text.Unicode.Utf8.IsValid(span))
        {
            return span.ToArray();
        }
        var text = FeedText.Decode(span.ToArray(), shownPath, diagnostics);
        return Encoding.UTF8.GetBytes(text);
    }

    private static (int Line, int Column) Position(byte[] data, long offset)
    {
        var before = data.AsSpan(0, (int)offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    private static int ByteOffset(byte[] data, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line && offset < data.Length; l++)
        {
            var next = data.AsSpan(offset).IndexOf((byte)'\n');
            offset = next < 0 ? data.Length : offset + next + 1;
        }
        return Math.Min(data.Length, offset + column - 1);
    }

    private static string Message(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
