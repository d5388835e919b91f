using System.Security.Cryptography;
using System.Text;
using SiteGen.Common;

namespace SiteGen.Import;

/// <summary>The normalized form feed texts are compared by, and the stable ids derived from it.</summary>
internal static class TextKey
{
    /// <summary>
    /// The normalized texts of the strings asked for so far, by the string itself (not its value): an import normalizes the
    /// same entry text for dedup, the title, the page's claims and its render key, 10,000 texts each time at 10,000 articles.
    /// An entry lives as long as its string.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> Normalized = new();

    /// <summary>NFKC, then every run of whitespace becomes one space, trimmed.</summary>
    public static string Normalize(string text) =>
        Normalized.GetValue(text, static t =>
        {
            var nfkc = t.IsNormalized(NormalizationForm.FormKC) ? t : t.Normalize(NormalizationForm.FormKC);
            return Common.Whitespace.Collapse(nfkc);
        });

    /// <summary>12 lowercase hex characters of the SHA-256 of the normalized text.</summary>
    public static string IdOf(string normalizedText) =>
        Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)))[..12];
}
