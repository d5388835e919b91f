using System.Text;
using SiteGen.Common;

namespace SiteGen.Search;

/// <summary>
/// Keeps what indexing yields between builds: each document's analysis by the document's key, so a rebuild after one
/// new article tokenizes that article only, and the last index's merged posting lists, so it merges only that
/// article too. The bytes are opaque to the store.
/// </summary>
public interface ISearchAnalysisStore
{
    /// <summary>The analysis kept under <paramref name="key"/>, or null.</summary>
    byte[]? Find(string key);

    void Keep(string key, byte[] analysis);

    /// <summary>Marks the analysis under <paramref name="key"/> as still in use, without reading it.</summary>
    void Touch(string key);

    /// <summary>The last index's posting lists as <see cref="KeepPostings"/> was given them, or null.</summary>
    byte[]? FindPostings();

    void KeepPostings(byte[] snapshot);
}

/// <summary>One term of a document before the corpus is known: weighted frequency, title flag, first positions.</summary>
internal readonly record struct AnalyzedTerm(string Term, int WeightedTf, bool Title, int[] Positions);

/// <summary>
/// Everything the index takes from one document that does not depend on the others: its fragment (the
/// <c>d/</c> entry), its length and its terms. BM25 impacts need the average length, so they are made when merging.
/// </summary>
internal sealed record DocumentAnalysis(byte[] Fragment, int Length, AnalyzedTerm[] Terms)
{
    private const byte Version = 1;
    private static readonly int[] NoPositions = [];

    /// <summary>
    /// What the analysis of <paramref name="doc"/> depends on: the index format, the options that shape it, and
    /// the document's URL, title, tags and blocks (or the key the caller gave them).
    /// </summary>
    public static string KeyOf(SearchDocument doc, IReadOnlyList<ExtractedBlock> blocks, SearchIndexOptions options)
    {
        using var key = InputHash.Of("search analysis");
        key.Add(BuildSearchIndex.FormatVersion).Add(Version).Add(options.MaxPositions).Add(options.MaxFragmentChars)
            .Add(doc.Url).Add(doc.Title).Add(doc.Tags.Count);
        foreach (var tag in doc.Tags)
        {
            key.Add(tag);
        }

        if (doc.BlocksKey is { } blocksKey)
        {
            return key.Add(1).Add(blocksKey).Finish();
        }

        key.Add(0).Add(blocks.Count);
        foreach (var block in blocks)
        {
            key.Add((int)block.Kind).Add(block.Text).Add(block.Anchor);
        }

        return key.Finish();
    }

    public byte[] Encode()
    {
        using var buffer = new MemoryStream(Fragment.Length + (Terms.Length * 12) + 64);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write7BitEncodedInt(Fragment.Length);
            writer.Write(Fragment);
            writer.Write7BitEncodedInt(Length);
            writer.Write7BitEncodedInt(Terms.Length);
            foreach (var term in Terms)
            {
                writer.Write(term.Term);
                writer.Write7BitEncodedInt((term.WeightedTf << 1) | (term.Title ? 1 : 0));
                writer.Write7BitEncodedInt(term.Positions.Length);
                var previous = 0;
                foreach (var position in term.Positions)
                {
                    writer.Write7BitEncodedInt(position - previous);
                    previous = position;
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The analysis in <paramref name="bytes"/>, or null when they are not one (another version, cut short).</summary>
    public static DocumentAnalysis? Decode(byte[] bytes, TermInterner terms)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                return null;
            }

            var fragment = reader.ReadBytes(reader.Read7BitEncodedInt());
            var length = reader.Read7BitEncodedInt();
            var analyzed = new AnalyzedTerm[reader.Read7BitEncodedInt()];
            for (var i = 0; i < analyzed.Length; i++)
            {
                var term = terms.Read(reader);
                var weighted = reader.Read7BitEncodedInt();
                var positions = reader.Read7BitEncodedInt() is var count and > 0 ? new int[count] : NoPositions;
                var previous = 0;
                for (var k = 0; k < positions.Length; k++)
                {
                    previous += reader.Read7BitEncodedInt();
                    positions[k] = previous;
                }

                analyzed[i] = new AnalyzedTerm(term, weighted >> 1, (weighted & 1) == 1, positions);
            }

            return reader.BaseStream.Position == bytes.Length ? new DocumentAnalysis(fragment, length, analyzed) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>
/// Reads length-prefixed UTF-8 terms (as <see cref="BinaryWriter.Write(string)"/> wrote them) into one string per
/// distinct term for the thread, as the tokenizer does: a rebuild reads a few million terms and only a few hundred thousand differ.
/// </summary>
internal sealed class TermInterner
{
    private const int MaxRemembered = 1 << 20;

    [ThreadStatic]
    private static TermInterner? _current;

    private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private byte[] _bytes = new byte[256];
    private char[] _chars = new char[256];

    private TermInterner() => _bySpan = _terms.GetAlternateLookup<ReadOnlySpan<char>>();

    public static TermInterner Current => _current ??= new TermInterner();

    public string Read(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        if (length > _bytes.Length)
        {
            _bytes = new byte[length];
            _chars = new char[length];
        }

        reader.BaseStream.ReadExactly(_bytes, 0, length);
        var count = Encoding.UTF8.GetChars(_bytes, 0, length, _chars, 0);
        var span = _chars.AsSpan(0, count);
        if (_bySpan.TryGetValue(span, out var known))
        {
            return known;
        }

        if (_terms.Count >= MaxRemembered)
        {
            _terms.Clear();
        }

        var term = span.ToString();
        _terms.Add(term, term);
        return term;
    }
}
