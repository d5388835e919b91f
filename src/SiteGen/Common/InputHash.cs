using System.Buffers;
using System.Buffers.Binary;
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
    // A key is mostly many small parts; handing each to the native SHA-256 separately cost more than hashing them
    // (0.8 s of CPU in a rebuild after one new article at 2,000 articles). Parts are gathered here and hashed in
    // large pieces; the digest is the same as feeding them one by one.
    private const int FlushBytes = 64 * 1024;
    private static readonly byte[] VersionPart = Part(SiteVersion.Id);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);
    private int _length;
    private IncrementalHash? _spill;

    private InputHash(string kind)
    {
        Append(VersionPart);
        Add(kind);
    }

    /// <summary>Starts a key of the given kind of unit (<c>page</c>, <c>body</c>, <c>import</c>, …).</summary>
    public static InputHash Of(string kind) => new(kind);

    public InputHash Add(string? text)
    {
        if (text is null)
        {
            Append([0xFF, 0xFF, 0xFF, 0xFF]);
            return this;
        }

        return Add(text.AsSpan());
    }

    /// <summary>The same bytes as <see cref="Add(string?)"/> of the same text, without making it a string first.</summary>
    public InputHash Add(ReadOnlySpan<char> text)
    {
        if (text.Length * 3 + 4 > FlushBytes)
        {
            var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            try
            {
                return Add(rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented)));
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }

        var room = Reserve(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, room[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(room, written);
        _length -= room.Length - 4 - written;
        return this;
    }

    public InputHash Add(ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        Append(length);
        Append(bytes);
        return this;
    }

    public InputHash Add(long number)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), number);
        return this;
    }

    /// <summary>The key; the hash then starts again empty (without the version and kind).</summary>
    public string Finish()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        if (_spill is null)
        {
            SHA256.HashData(_buffer.AsSpan(0, _length), digest);
        }
        else
        {
            _spill.AppendData(_buffer.AsSpan(0, _length));
            _spill.GetHashAndReset(digest);
        }

        _length = 0;
        return Hex.Lower(digest);
    }

    public void Dispose()
    {
        _spill?.Dispose();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > FlushBytes)
        {
            Spill();
            _spill!.AppendData(bytes);
            return;
        }

        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>The next <paramref name="count"/> bytes of the buffer (at most <see cref="FlushBytes"/> plus a part), made room for.</summary>
    private Span<byte> Reserve(int count)
    {
        if (_length + count > FlushBytes)
        {
            Spill();
        }

        if (_length + count > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + count, _buffer.Length * 2));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private void Spill()
    {
        _spill ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _spill.AppendData(_buffer.AsSpan(0, _length));
        _length = 0;
    }

    private static byte[] Part(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var part = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteInt32LittleEndian(part, bytes.Length);
        bytes.CopyTo(part, 4);
        return part;
    }

    /// <summary>The SHA-256 of some bytes, as lower-case hex: the identity of a file's content.</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes) => Hex.Lower(SHA256.HashData(bytes));

    public static string OfText(string text) => OfBytes(Encoding.UTF8.GetBytes(text));
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
