using System.Text;

namespace SiteGen.Publish;

/// <summary>
/// Reading time for mixed Chinese/English text. Counting whitespace-separated "words" (as many generators
/// do) sees a whole Chinese paragraph as one word; here each CJK character counts on its own at a Chinese
/// reading speed, and Latin words at an English one.
/// </summary>
public static class ReadingTime
{
    /// <summary>Characters per minute for Chinese (silent reading of technical text).</summary>
    public const int CjkCharactersPerMinute = 300;

    /// <summary>Words per minute for English technical text.</summary>
    public const int LatinWordsPerMinute = 200;

    public static (int CjkCharacters, int LatinWords) Count(string text)
    {
        int cjk = 0, words = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                cjk++;
                inWord = false;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return (cjk, words);
    }

    /// <summary>Whole minutes, at least one.</summary>
    public static int Minutes(string text)
    {
        var (cjk, words) = Count(text);
        var minutes = (double)cjk / CjkCharactersPerMinute + (double)words / LatinWordsPerMinute;
        return Math.Max(1, (int)Math.Ceiling(minutes));
    }

    public static bool IsCjk(Rune rune)
    {
        var value = rune.Value;
        return value is >= 0x4E00 and <= 0x9FFF      // CJK Unified Ideographs
            or >= 0x3400 and <= 0x4DBF               // Extension A
            or >= 0x20000 and <= 0x2FA1F             // Extensions B–F, compatibility supplement
            or >= 0xF900 and <= 0xFAFF               // Compatibility Ideographs
            or >= 0x3040 and <= 0x30FF               // Hiragana, Katakana
            or >= 0xAC00 and <= 0xD7AF;              // Hangul syllables
    }
}
