using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using SiteGen.Common;

namespace SiteGen.Tests.Build;

/// <summary>
/// The key of a list of parts is SHA-256 over the version, the kind and each part length-prefixed, however the
/// parts are gathered before hashing: keys in a saved build state must not change with the buffering.
/// </summary>
public sealed class InputHashTests
{
    private static readonly Gen<object?> Part = Gen.OneOf<object?>(
        Gen.String.Select(s => (object?)s),
        Gen.Char.Array[0, 70_000].Select(c => (object?)new string(c)),
        Gen.Byte.Array[0, 140_000].Select(b => (object?)b),
        Gen.Long.Select(l => (object?)l),
        Gen.Const((object?)null));

    [Fact]
    public void KeyIsTheHashOfTheLengthPrefixedParts()
    {
        Gen.Select(Gen.String[0, 10], Part.Array[0, 12]).Sample((kind, parts) =>
        {
            using var hash = InputHash.Of(kind);
            foreach (var part in parts)
            {
                _ = part switch
                {
                    // Text as a span (half of them) is hashed as the same text as a string.
                    string s when s.Length % 2 == 1 => hash.Add(s.AsSpan()),
                    string s => hash.Add(s),
                    byte[] b => hash.Add(b),
                    long l => hash.Add(l),
                    _ => hash.Add((string?)null),
                };
            }

            Assert.Equal(Reference(kind, parts), hash.Finish());
        }, iter: 200);
    }

    [Fact]
    public void FinishStartsAgainEmpty()
    {
        using var hash = InputHash.Of("k").Add("a");
        hash.Finish();
        hash.Add("b");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Prefixed(Encoding.UTF8.GetBytes("b")))), hash.Finish());
    }

    private static string Reference(string kind, object?[] parts)
    {
        using var stream = new MemoryStream();
        stream.Write(Prefixed(Encoding.UTF8.GetBytes(SiteVersion.Id)));
        stream.Write(Prefixed(Encoding.UTF8.GetBytes(kind)));
        foreach (var part in parts)
        {
            switch (part)
            {
                case string s: stream.Write(Prefixed(Encoding.UTF8.GetBytes(s))); break;
                case byte[] b: stream.Write(Prefixed(b)); break;
                case long l:
                    var number = new byte[8];
                    BinaryPrimitives.WriteInt64LittleEndian(number, l);
                    stream.Write(number);
                    break;
                default: stream.Write([0xFF, 0xFF, 0xFF, 0xFF]); break;
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }

    private static byte[] Prefixed(byte[] bytes)
    {
        var part = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteInt32LittleEndian(part, bytes.Length);
        bytes.CopyTo(part, 4);
        return part;
    }
}
