using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Common;

namespace SiteGen.Import;

/// <summary>
/// The <c>generated: sha256:…</c> line: the hash of the whole page without that line (LF line endings), so a
/// later import can tell its own untouched output from a page a person has edited.
/// </summary>
internal static partial class PageSeal
{
    private const string Prefix = "generated: sha256:";

    /// <summary>Inserts the seal line at the end of the front matter (<paramref name="head"/> is everything before the closing <c>---</c>).</summary>
    public static string Seal(string head, string tail)
    {
        var hash = Hash(head + tail);
        return $"{head}{Prefix}{hash}\n{tail}";
    }

    /// <summary>True when the page still carries a seal and its content matches it.</summary>
    public static bool IsIntact(string pageText) => IntactSeal(pageText) is not null;

    /// <summary>The page's seal (the hash of its text without the seal line) when its content matches it, else null.</summary>
    public static string? IntactSeal(string pageText)
    {
        var text = NormalizeNewlines(pageText);
        var match = SealLine().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var rest = text.Remove(match.Index, match.Length);
        var seal = match.Groups[1].Value;
        return string.Equals(Hash(rest), seal, StringComparison.Ordinal) ? seal : null;
    }

    /// <summary>The seal of a page <see cref="Seal"/> made (read, not checked).</summary>
    public static string? SealOf(string sealedText)
    {
        var match = SealLine().Match(sealedText);
        return match.Success ? match.Groups[1].Value : null;
    }

    public static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    public static string Hash(string text) => Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"^generated: sha256:([0-9a-f]{64})\n", RegexOptions.Multiline)]
    private static partial Regex SealLine();
}
