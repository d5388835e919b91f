using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;

namespace SiteGen.Import.Syndication;

/// <summary>
/// The characters of an XML feed: the byte-order mark, else the XML declaration's <c>encoding</c>, else UTF-8.
/// Bytes that are not valid in that encoding become U+FFFD with one warning at the first of them.
/// </summary>
internal static partial class FeedText
{
    static FeedText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string shownPath, DiagnosticBag diagnostics)
    {
        Encoding encoding;
        var skip = 0;
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            (encoding, skip) = (new UTF8Encoding(false, true), 3);
        }
        else if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            (encoding, skip) = (new UnicodeEncoding(false, false, true), 2);
        }
        else if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            (encoding, skip) = (new UnicodeEncoding(true, false, true), 2);
        }
        else
        {
            encoding = Declared(bytes, shownPath, diagnostics);
        }
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            var good = e.Index;
            var prefix = Encoding.UTF8.GetString(bytes, skip, Math.Max(0, Math.Min(good, bytes.Length - skip)));
            var line = prefix.Count(c => c == '\n') + 1;
            var column = prefix.Length - (prefix.LastIndexOf('\n') + 1) + 1;
            diagnostics.Warning(ImportCodes.InvalidUtf8, shownPath, line, column,
                $"bytes that are not valid {encoding.WebName}; they are shown as U+FFFD. Re-save the feed in the encoding it declares.");
            var lenient = (Encoding)encoding.Clone();
            lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
            return lenient.GetString(bytes, skip, bytes.Length - skip);
        }
    }

    private static Encoding Declared(byte[] bytes, string shownPath, DiagnosticBag diagnostics)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 200));
        var match = Declaration().Match(head);
        if (!match.Success || match.Groups[1].Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return new UTF8Encoding(false, true);
        }
        try
        {
            return Encoding.GetEncoding(match.Groups[1].Value, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            diagnostics.Warning(ImportCodes.UnknownEncoding, shownPath, 1, match.Groups[1].Index + 1,
                $"unknown encoding '{match.Groups[1].Value}'; the feed is read as UTF-8. Declare a known encoding (UTF-8 is best).");
            return new UTF8Encoding(false, true);
        }
    }

    [GeneratedRegex("""^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")]
    private static partial Regex Declaration();

    /// <summary>The 0-based offset of a 1-based (line, column) position.</summary>
    public static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line && offset >= 0; l++)
        {
            offset = text.IndexOf('\n', offset) is var next and >= 0 ? next + 1 : -1;
        }
        return offset < 0 ? text.Length : Math.Min(text.Length, offset + Math.Max(0, column - 1));
    }

    /// <summary>The 1-based (line, column) of an offset.</summary>
    public static (int Line, int Column) PositionOf(string text, int offset)
    {
        var span = text.AsSpan(0, offset);
        var line = span.Count('\n') + 1;
        var column = offset - (span.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
