using System.Buffers;
using System.Text;
using System.Text.Unicode;
using SiteGen.Common;
using SiteGen.Diagnostics;
using SiteGen.Import.Syndication;

namespace SiteGen.Import;

/// <summary>
/// Reads every feed of the seeds folder (ordinal file-name order) into entries: a <c>*.txt</c> feed gives one per
/// non-blank line after the optional header, a <c>*.xml</c> (RSS 2.0 or Atom 1.0) or <c>*.json</c> (JSON Feed) one
/// per item. Bad input becomes warnings, never exceptions, and no line or readable item is dropped.
/// </summary>
public sealed class ReadFeeds
{
    private static readonly string[] HeaderLines = ["INCOMING TRANSMISSION", "LATEST UPDATES"];

    public FeedBatch Read(string seedsDir, DiagnosticBag diagnostics)
    {
        var shownDir = seedsDir.Replace('\\', '/');
        if (!Directory.Exists(seedsDir))
        {
            diagnostics.Warning(ImportCodes.MissingSeedsDir, shownDir, 0, 0,
                $"seeds folder '{shownDir}' does not exist; nothing to import. Create it or pass --seeds DIR.");
            return new FeedBatch([], []);
        }

        var files = Directory.GetFiles(seedsDir)
            .Select(path => System.IO.Path.GetFileName(path))
            .Where(name => FormatOf(name) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            diagnostics.Warning(ImportCodes.NoFeeds, shownDir, 0, 0, $"no *.txt, *.xml or *.json feeds in '{shownDir}'; nothing to import.");
        }

        var entries = new List<FeedEntry>();
        foreach (var name in files)
        {
            var shownPath = $"{shownDir.TrimEnd('/')}/{name}";
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(System.IO.Path.Combine(seedsDir, name));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning(ImportCodes.UnreadableFeed, shownPath, 0, 0, $"cannot read feed: {e.Message}");
                continue;
            }
            var before = entries.Count;
            var format = FormatOf(name);
            var isFeed = format switch
            {
                FeedFormat.Rss => new XmlFeedReader().Read(name, shownPath, bytes, entries, diagnostics),
                FeedFormat.JsonFeed => new JsonFeedReader().Read(name, shownPath, bytes, entries, diagnostics),
                _ => ReadFeed(name, shownPath, bytes, entries, diagnostics),
            };
            if (isFeed && entries.Count == before)
            {
                diagnostics.Warning(ImportCodes.EmptyFeed, shownPath, 1, 1, format == FeedFormat.Text
                    ? "feed has no article lines (only a header or blank lines); expected one article per line."
                    : "feed has no items that could be imported.");
            }
        }
        return new FeedBatch(files, entries);
    }

    /// <summary>Text, or RSS/Atom (which one the root element tells), or JSON Feed, by extension; null for other files.</summary>
    private static FeedFormat? FormatOf(string name) => System.IO.Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".txt" => FeedFormat.Text,
        ".xml" => FeedFormat.Rss,
        ".json" => FeedFormat.JsonFeed,
        _ => null,
    };

    private static bool ReadFeed(string feed, string shownPath, byte[] bytes, List<FeedEntry> entries, DiagnosticBag diagnostics)
    {
        ReadOnlySpan<byte> rest = bytes;
        if (rest.StartsWith("\uFEFF"u8))
        {
            rest = rest[3..];
        }

        var inHeader = true;
        for (var lineNumber = 1; !rest.IsEmpty; lineNumber++)
        {
            var end = rest.IndexOf((byte)'\n');
            var lineBytes = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (lineBytes.EndsWith("\r"u8))
            {
                lineBytes = lineBytes[..^1];
            }

            var text = Decode(lineBytes, shownPath, lineNumber, diagnostics);
            text = ReplaceControlCharacters(text, shownPath, lineNumber, diagnostics);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (inHeader && HeaderLines.Contains(text.Trim(), StringComparer.Ordinal))
            {
                continue;
            }
            inHeader = false;
            entries.Add(new FeedEntry(feed, shownPath, lineNumber, text));
        }
        return true;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string shownPath, int line, DiagnosticBag diagnostics)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new string(chars, 0, written);
            }
            diagnostics.Warning(ImportCodes.InvalidUtf8, shownPath, line, written + 1,
                "invalid UTF-8; the bad bytes are shown as U+FFFD. Re-save the feed as UTF-8.");
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string ReplaceControlCharacters(string text, string shownPath, int line, DiagnosticBag diagnostics)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // A tab is ordinary whitespace in a flattened article; every other control character is damage, and
            // so is a noncharacter (U+FFFE makes string.Normalize throw, YAML refuses it).
            if ((!char.IsControl(c) || c == '\t') && !Utf8Text.IsNoncharacter(text, i))
            {
                builder?.Append(c);
                continue;
            }
            if (builder is null)
            {
                builder = new StringBuilder(text.Length).Append(text, 0, i);
                var what = char.IsControl(c) ? "control character" : "noncharacter";
                diagnostics.Warning(ImportCodes.ControlCharacter, shownPath, line, i + 1,
                    $"{what} U+{char.ConvertToUtf32(text, i):X4} replaced by U+FFFD; remove it from the feed.");
            }
            builder.Append('\uFFFD');
            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }
        return builder?.ToString() ?? text;
    }
}
