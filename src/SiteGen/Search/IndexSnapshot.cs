using System.Text;
using SiteGen.Common;

namespace SiteGen.Search;

/// <summary>
/// What the last index was merged from and into, kept between builds: the key of each document in id order, the
/// (rounded) average length its impacts were computed with, each document's fragment length, how the fragments
/// were filed, and every term's finished posting list. An index whose documents are these plus some appended
/// ones (a new import's articles take the next ids) then merges only the new documents' terms.
/// </summary>
internal sealed class IndexSnapshot
{
    private const byte Version = 2;

    public required string[] DocumentKeys { get; init; }

    public required double AverageLength { get; init; }

    public required int[] FragmentLengths { get; init; }

    public required int FragmentsPerFile { get; init; }

    public required WrittenFile[] FragmentFiles { get; init; }

    public required Dictionary<string, PostingList> Postings { get; init; }

    /// <summary>
    /// The snapshot's bytes, in an array of exactly their size: it is tens of megabytes at 10,000 articles, so it is
    /// written twice (once to count) rather than grown by doubling and copied out.
    /// </summary>
    public byte[] Encode()
    {
        var (terms, lists) = OrdinalSort.ByKey(Postings);
        var counter = new ByteCounter();
        Write(counter, terms, lists);
        var bytes = new byte[counter.Length];
        using var stream = new MemoryStream(bytes, writable: true);
        Write(stream, terms, lists);
        return stream.Position == bytes.Length ? bytes : throw new InvalidOperationException("the snapshot changed while it was written");
    }

    private void Write(Stream stream, string[] terms, PostingList[] lists)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Version);
        w.Write7BitEncodedInt(DocumentKeys.Length);
        w.Write(AverageLength);
        for (var i = 0; i < DocumentKeys.Length; i++)
        {
            w.Write(DocumentKeys[i]);
            w.Write7BitEncodedInt(FragmentLengths[i]);
        }

        w.Write7BitEncodedInt(FragmentsPerFile);
        w.Write7BitEncodedInt(FragmentFiles.Length);
        foreach (var file in FragmentFiles)
        {
            w.Write(file.Bytes);
            w.Write(file.Hash);
        }

        w.Write7BitEncodedInt(terms.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            var list = lists[i];
            w.Write(terms[i]);
            w.Write7BitEncodedInt(list.LastDocument);
            w.Write7BitEncodedInt(list.DocumentCount);
            var text = list.Text.AsSpan();
            w.Write7BitEncodedInt(text.Length);
            w.Write(text);
        }
    }

    /// <summary>A stream that keeps nothing and counts what is written to it.</summary>
    private sealed class ByteCounter : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void WriteByte(byte value) => _length++;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// The snapshot in <paramref name="bytes"/> when its documents are the first of <paramref name="keys"/> and its
    /// average length is <paramref name="averageLength"/>; else, or when the bytes are not one (another version, cut
    /// short), null. The documents are compared before the posting lists are read, so a snapshot that cannot be
    /// used costs no more than its keys.
    /// </summary>
    public static IndexSnapshot? Decode(byte[] bytes, string[] keys, double averageLength)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (r.ReadByte() != Version)
            {
                return null;
            }

            var known = r.Read7BitEncodedInt();
            if (r.ReadDouble() != averageLength || known > keys.Length)
            {
                return null;
            }

            var lengths = new int[known];
            for (var i = 0; i < known; i++)
            {
                if (!string.Equals(r.ReadString(), keys[i], StringComparison.Ordinal))
                {
                    return null;
                }

                lengths[i] = r.Read7BitEncodedInt();
            }

            var perFile = r.Read7BitEncodedInt();
            var files = new WrittenFile[r.Read7BitEncodedInt()];
            for (var i = 0; i < files.Length; i++)
            {
                files[i] = new WrittenFile(r.ReadInt64(), r.ReadUInt64());
            }

            var count = r.Read7BitEncodedInt();
            var postings = new Dictionary<string, PostingList>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var term = r.ReadString();
                var last = r.Read7BitEncodedInt();
                var documents = r.Read7BitEncodedInt();
                var text = r.ReadBytes(r.Read7BitEncodedInt());
                if (last >= known || documents > known)
                {
                    return null;
                }

                postings.Add(term, new PostingList(text, last, documents));
            }

            return r.BaseStream.Position == bytes.Length
                ? new IndexSnapshot
                {
                    DocumentKeys = keys[..known], AverageLength = averageLength, FragmentLengths = lengths, FragmentsPerFile = perFile,
                    FragmentFiles = files, Postings = postings,
                }
                : null;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException or ArgumentException)
        {
            return null;
        }
    }
}
