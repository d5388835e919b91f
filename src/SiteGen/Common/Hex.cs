namespace SiteGen.Common;

/// <summary>Lowercase hexadecimal text of bytes, as <see cref="Convert.ToHexStringLower(ReadOnlySpan{byte})"/> gives it.</summary>
/// <remarks>
/// A plain loop in our own precompiled code: the framework's vectorized encoder is compiled afresh in every process and
/// runs unoptimized for most of a build, which made hex text 3 % of a rebuild's processor time (tens of thousands of keys).
/// </remarks>
public static class Hex
{
    public static string Lower(ReadOnlySpan<byte> bytes)
    {
        const string digits = "0123456789abcdef";
        Span<char> chars = bytes.Length <= 64 ? stackalloc char[bytes.Length * 2] : new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
