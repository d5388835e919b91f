using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SiteGen.Common;

/// <summary>Decodes a user's text file as UTF-8 (BOM optional), telling where the first invalid byte is.</summary>
public static class Utf8Text
{
    /// <summary>The text, with invalid bytes as U+FFFD; <paramref name="firstBad"/> is the 1-based line and column of the first one.</summary>
    public static string Decode(byte[] bytes, out (int Line, int Column)? firstBad)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        firstBad = null;
        var chars = ArrayPool<char>.Shared.Rent(span.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(span, chars, out _, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new string(chars, 0, written);
            }

            var good = chars.AsSpan(0, written);
            var line = good.Count('\n') + 1;
            var column = written - (good.LastIndexOf('\n') + 1) + 1;
            firstBad = (line, column);
            return Encoding.UTF8.GetString(span);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
