using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Import;

/// <summary>The normalized form feed texts are compared by, and the stable ids derived from it.</summary>
internal static class TextKey
{
    /// <summary>NFKC, then every run of whitespace becomes one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        var nfkc = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return Common.Whitespace.Collapse(nfkc);
    }

    /// <summary>12 lowercase hex characters of the SHA-256 of the normalized text.</summary>
    public static string IdOf(string normalizedText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)))[..12];
}
