using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// Normalizes one code point at a time (NFKC, then lower case), so every normalized character
/// still maps back to a range of the original text for highlighting. Mirrors <c>norm()</c> in search.js.
/// </summary>
public static class SearchNormalizer
{
    private static readonly ConcurrentDictionary<int, string> Cache = new();

    public static string Normalize(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return codePoint is >= 'A' and <= 'Z'
                ? ((char)(codePoint + 32)).ToString()
                : ((char)codePoint).ToString();
        }

        return Cache.GetOrAdd(codePoint, static cp => Slow(cp));
    }

    /// <summary>True when NFKC and lower-casing leave the code point alone, so callers can skip the lookup.</summary>
    public static bool IsStableCjk(int codePoint) =>
        codePoint is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF;

    public static bool IsCjk(int cp) =>
        cp is >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xF900 and <= 0xFAFF
            or >= 0x3040 and <= 0x30FF
            or >= 0xAC00 and <= 0xD7AF
            or >= 0x20000 and <= 0x2FFFF;

    public static bool IsWordChar(int cp)
    {
        if (cp < 0x80)
        {
            return cp is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
        }

        if (!Rune.IsValid(cp))
        {
            return false;
        }

        var rune = new Rune(cp);
        if (Rune.IsLetterOrDigit(rune))
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;
    }

    private static string Slow(int cp)
    {
        if (!Rune.IsValid(cp))
        {
            return " ";
        }

        if (IsStableCjk(cp))
        {
            return new Rune(cp).ToString();
        }

        // JavaScript's toLowerCase applies this one unconditional SpecialCasing rule; .NET does not.
        if (cp == 0x130)
        {
            return "i\u0307";
        }

        var kc = new Rune(cp).ToString().Normalize(NormalizationForm.FormKC);
        return kc.ToLowerInvariant();
    }
}
