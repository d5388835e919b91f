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
        var builder = new StringBuilder(nfkc.Length);
        var pendingSpace = false;
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>12 lowercase hex characters of the SHA-256 of the normalized text.</summary>
    public static string IdOf(string normalizedText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)))[..12];
}
