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

    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane: valid UTF-8, but not text.</summary>
    public static bool IsNoncharacter(string text, int index)
    {
        var c = text[index];
        if (c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')
        {
            return true;
        }

        return char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            && (char.ConvertToUtf32(c, text[index + 1]) & 0xFFFE) == 0xFFFE;
    }

    /// <summary>The text with every noncharacter replaced by U+FFFD, and where the first one was (1-based line and column).</summary>
    public static string ReplaceNoncharacters(string text, out (int Line, int Column)? first)
    {
        first = null;
        StringBuilder? builder = null;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }

            if (!IsNoncharacter(text, i))
            {
                builder?.Append(text[i]);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            first ??= (line, i - lineStart + 1);
            builder.Append('\uFFFD');
            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return builder?.ToString() ?? text;
    }
}
