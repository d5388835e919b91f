using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Common;

/// <summary>
/// Keys of the build state: SHA-256 over a unit's inputs, each part length-prefixed so that no two different
/// lists of parts hash alike. Every key starts with <see cref="SiteVersion.Id"/>, so another SiteGen never
/// reuses this one's work.
/// </summary>
internal sealed class InputHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private InputHash(string kind)
    {
        Add(SiteVersion.Id);
        Add(kind);
    }

    /// <summary>Starts a key of the given kind of unit (<c>page</c>, <c>body</c>, <c>import</c>, …).</summary>
    public static InputHash Of(string kind) => new(kind);

    public InputHash Add(string? text)
    {
        if (text is null)
        {
            Span<byte> none = [0xFF, 0xFF, 0xFF, 0xFF];
            _hash.AppendData(none);
            return this;
        }

        var byteCount = Encoding.UTF8.GetByteCount(text);
        Span<byte> buffer = byteCount <= 1024 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, buffer);
        AddLength(byteCount);
        _hash.AppendData(buffer);
        return this;
    }

    public InputHash Add(ReadOnlySpan<byte> bytes)
    {
        AddLength(bytes.Length);
        _hash.AppendData(bytes);
        return this;
    }

    public InputHash Add(long number)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, number);
        _hash.AppendData(bytes);
        return this;
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    /// <summary>The SHA-256 of some bytes, as lower-case hex: the identity of a file's content.</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfText(string text) => OfBytes(Encoding.UTF8.GetBytes(text));

    private void AddLength(int length)
    {
        Span<byte> bytes = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        _hash.AppendData(bytes);
    }
}

/// <summary>Which SiteGen made some state: the identity of this build of the tool.</summary>
internal static class SiteVersion
{
    /// <summary>
    /// The module version id of SiteGen.dll. Deterministic builds give the same id for the same source, references
    /// and embedded resources (the theme, KaTeX), and a different one for any change to them.
    /// </summary>
    public static string Id { get; } = typeof(SiteVersion).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
