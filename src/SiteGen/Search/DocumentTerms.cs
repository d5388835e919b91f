using System.Runtime.InteropServices;

namespace SiteGen.Search;

/// <summary>
/// One document's contribution to one term's posting list, before encoding; <c>Flags</c> is the
/// quantized impact times two, plus one when the term is in the title.
/// </summary>
internal readonly record struct TermEntry(string Term, int Flags, int[] Positions);

/// <summary>
/// Tokenizes a document's fields into per-term entries. Positions run through title, blocks and
/// tags with gaps between them, so a phrase never spans two blocks.
/// </summary>
internal static class DocumentTerms
{
    public const int BlockGap = 8;
    private static readonly int[] NoPositions = [];

    /// <summary>The token position each block starts at, by the same arithmetic as <see cref="Collect"/>.</summary>
    public static int[] BlockStarts(string title, IReadOnlyList<ExtractedBlock> blocks)
    {
        var tokens = new List<SearchToken>(64);
        var position = SearchTokenizer.Tokenize(title, 0, tokens) + BlockGap;
        var starts = new int[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            tokens.Clear();
            starts[i] = position;
            position = SearchTokenizer.Tokenize(blocks[i].Text, position, tokens) + BlockGap;
        }

        return starts;
    }

    public static TermEntry[] Collect(PreparedDocument doc, double averageLength, int maxPositions)
    {
        var terms = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var tokens = new List<SearchToken>(256);
        var position = 0;

        position = Add(doc.Title, position, weight: 0, title: true);
        foreach (var block in doc.Blocks)
        {
            position = Add(block.Text, position, block.Kind == BlockKind.Heading ? Bm25.HeadingWeight : 1, title: false);
        }

        foreach (var tag in doc.Tags)
        {
            position = Add(tag, position, Bm25.TagWeight, title: false);
        }

        var entries = new TermEntry[terms.Count];
        var i = 0;
        foreach (var (term, acc) in terms)
        {
            var flags = (Bm25.Impact(acc.WeightedTf, doc.Length, averageLength) * 2) + (acc.Title ? 1 : 0);
            entries[i++] = new TermEntry(term, flags, acc.Positions?.ToArray() ?? NoPositions);
        }

        return entries;

        int Add(string text, int start, int weight, bool title)
        {
            tokens.Clear();
            var next = SearchTokenizer.Tokenize(text, start, tokens);
            foreach (var token in tokens)
            {
                ref var acc = ref CollectionsMarshal.GetValueRefOrAddDefault(terms, token.Term, out _);
                acc.WeightedTf += weight;
                acc.Title |= title;
                // One-character CJK terms only serve one-character queries, which need no phrase positions.
                if (token.Kind != SearchTokenKind.CjkUnigram)
                {
                    acc.Positions ??= new List<int>(1);
                    if (acc.Positions.Count < maxPositions)
                    {
                        acc.Positions.Add(token.Position);
                    }
                }
            }

            return next + BlockGap;
        }
    }

    private struct Accumulator
    {
        public int WeightedTf;
        public bool Title;
        public List<int>? Positions;
    }
}

/// <summary>A document after HTML extraction, kept until its terms are collected.</summary>
internal sealed record PreparedDocument(string Title, IReadOnlyList<ExtractedBlock> Blocks, IReadOnlyList<string> Tags, int Length);
