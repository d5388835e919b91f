using AngleSharp.Dom;
using SiteGen.Common;
using SiteGen.Publish;
using SiteGen.Search;

namespace SiteGen.Build;

/// <summary>
/// What the stages after rendering need of a body, taken from one parse of its HTML and kept with it in the
/// build state: the listing excerpt (formulas typeset), the search index's text blocks, every element id
/// (for anchor checks), reading time and the character count. No later stage parses the body again.
/// </summary>
internal sealed record BodyFacts(
    string HtmlHash,
    ExcerptHtmlResult ExcerptHtml,
    BodyBlocks SearchBlocks,
    IReadOnlySet<string> Ids,
    int ReadingMinutes)
{
    public static BodyFacts Of(string html, string text)
    {
        using var document = SearchTextExtractor.Parse(html);
        var body = document.Body!;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in body.QuerySelectorAll("[id], a[name]"))
        {
            if (element.Id is { Length: > 0 } id)
            {
                ids.Add(id);
            }

            if (element.LocalName == "a" && element.GetAttribute("name") is { Length: > 0 } name)
            {
                ids.Add(name);
            }
        }

        return new BodyFacts(
            InputHash.OfText(html),
            Publish.ExcerptHtml.Of(body, SiteModel.ExcerptLength),
            BodyBlocks.Of(SearchTextExtractor.Extract(body)),
            ids,
            ReadingTime.Minutes(text));
    }
}

/// <summary>
/// A body's text blocks for the search index. They are as long as the body's text, and a build needs them only for
/// documents it analyses again (new or changed ones): the rest of the index is merged from kept analyses, found by
/// the body's hash and <see cref="Length"/>. So the build state holds only their hash and length, the blocks
/// themselves are in <see cref="PackedBlobs"/> (under <see cref="Hash"/>, checked on read), and a stored body's
/// blocks are read on first use.
/// </summary>
internal sealed class BodyBlocks
{
    private readonly Func<IReadOnlyList<ExtractedBlock>>? _load;
    private IReadOnlyList<ExtractedBlock>? _blocks;

    /// <summary>The bytes <see cref="Of"/> hashed, until <see cref="Encode()"/> hands them to the packs.</summary>
    private byte[]? _encoded;

    private BodyBlocks(string hash, int length, IReadOnlyList<ExtractedBlock>? blocks, Func<IReadOnlyList<ExtractedBlock>>? load, byte[]? encoded = null)
    {
        Hash = hash;
        Length = length;
        _blocks = blocks;
        _load = load;
        _encoded = encoded;
    }

    /// <summary>The content hash of the encoded blocks: their name in the packs.</summary>
    public string Hash { get; }

    /// <summary>The characters of all blocks (the document's length for BM25).</summary>
    public int Length { get; }

    /// <summary>The blocks (read from the packs the first time, for a stored body).</summary>
    public IReadOnlyList<ExtractedBlock> Value => _blocks ??= _load!();

    public static BodyBlocks Of(IReadOnlyList<ExtractedBlock> blocks)
    {
        var encoded = Encode(blocks);
        return new(InputHash.OfBytes(encoded), blocks.Sum(b => b.Text.Length), blocks, null, encoded);
    }

    /// <summary>Stored blocks, read with <paramref name="load"/> when first asked for.</summary>
    public static BodyBlocks Stored(string hash, int length, Func<IReadOnlyList<ExtractedBlock>> load) => new(hash, length, null, load);

    /// <summary>The blocks' bytes: those <see cref="Of"/> hashed the first time (then let go), else encoded again.</summary>
    public byte[] Encode()
    {
        var bytes = _encoded ?? Encode(Value);
        _encoded = null;
        return bytes;
    }

    public static IReadOnlyList<ExtractedBlock> Decode(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var reader = new StateReader(stream);
        var blocks = reader.List(() => new ExtractedBlock((BlockKind)reader.Int(), reader.String(), reader.NullableString()));
        return reader.AtEnd ? blocks : throw new InvalidDataException("trailing bytes after the text blocks");
    }

    private static byte[] Encode(IReadOnlyList<ExtractedBlock> blocks)
    {
        using var stream = new MemoryStream();
        using (var writer = new StateWriter(stream))
        {
            writer.List(blocks, b =>
            {
                writer.Int((int)b.Kind);
                writer.String(b.Text);
                writer.NullableString(b.Anchor);
            });
        }

        return stream.ToArray();
    }
}
