using System.IO.Hashing;

namespace SiteGen.Build;

/// <summary>A write-only pass-through that keeps the XXH64 checksum and length of what went through it.</summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly XxHash64 _hash = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    /// <summary>Bytes written so far.</summary>
    private long Written { get; set; }

    private byte[]? _final;

    /// <summary>The XXH64 of everything written (still available once a wrapping stream has disposed this one).</summary>
    public byte[] Checksum() => _final ?? _hash.GetCurrentHash();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.Append(buffer);
        inner.Write(buffer);
        Written += buffer.Length;
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _final is null)
        {
            _final = _hash.GetHashAndReset();
        }

        base.Dispose(disposing);
    }
}
