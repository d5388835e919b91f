using System.Runtime.InteropServices;

namespace SiteGen.Search;

/// <summary>
/// Tokenizes a document's fields into per-term entries. Positions run through title, blocks and
/// tags with gaps between them, so a phrase never spans two blocks.
/// </summary>
internal static class DocumentTerms
{
    public const int BlockGap = 8;
    private static readonly int[] NoPositions = [];

    /// <summary>The document's term entries, and the token position each of its blocks starts at.</summary>
    public static (AnalyzedTerm[] Terms, int[] BlockStarts) Collect(PreparedDocument doc, int maxPositions)
    {
        var work = Workspace.Current;
        var position = 0;
        position = work.Add(doc.Title, position, weight: 0, title: true, maxPositions);
        var starts = new int[doc.Blocks.Count];
        for (var b = 0; b < starts.Length; b++)
        {
            var block = doc.Blocks[b];
            starts[b] = position;
            position = work.Add(block.Text, position, block.Kind == BlockKind.Heading ? Bm25.HeadingWeight : 1, title: false, maxPositions);
        }

        foreach (var tag in doc.Tags)
        {
            position = work.Add(tag, position, Bm25.TagWeight, title: false, maxPositions);
        }

        return (work.Finish(), starts);
    }

    /// <summary>
    /// One thread's accumulators, reused from document to document: a fresh dictionary and a position list
    /// per term for every document were most of the index's time. A term's positions are a chain through two shared arrays.
    /// </summary>
    private sealed class Workspace
    {
        [ThreadStatic]
        private static Workspace? _current;

        private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
        private readonly List<SearchToken> _tokens = new(256);
        private Accumulator[] _terms = new Accumulator[256];
        private int[] _positions = new int[1024];
        private int[] _next = new int[1024];
        private int _usedPositions;

        public static Workspace Current => _current ??= new Workspace();

        public int Add(string text, int start, int weight, bool title, int maxPositions)
        {
            _tokens.Clear();
            var next = SearchTokenizer.Tokenize(text, start, _tokens);
            foreach (var token in _tokens)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, token.Term, out var known);
                if (!known)
                {
                    slot = _slots.Count - 1;
                    if (slot == _terms.Length)
                    {
                        Array.Resize(ref _terms, _terms.Length * 2);
                    }

                    _terms[slot] = new Accumulator { Term = token.Term, First = -1 };
                }

                ref var acc = ref _terms[slot];
                acc.WeightedTf += weight;
                acc.Title |= title;
                // One-character CJK terms only serve one-character queries, which need no phrase positions.
                if (token.Kind != SearchTokenKind.CjkUnigram && acc.Count < maxPositions)
                {
                    AddPosition(ref acc, token.Position);
                }
            }

            _tokens.Clear();
            return next + BlockGap;
        }

        /// <summary>The terms of the document added since the last call, in the order they first occurred.</summary>
        public AnalyzedTerm[] Finish()
        {
            var entries = new AnalyzedTerm[_slots.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                ref var acc = ref _terms[i];
                var positions = acc.Count == 0 ? NoPositions : new int[acc.Count];
                for (int k = 0, p = acc.First; k < positions.Length; k++, p = _next[p])
                {
                    positions[k] = _positions[p];
                }

                entries[i] = new AnalyzedTerm(acc.Term!, acc.WeightedTf, acc.Title, positions);
                acc = default;
            }

            _slots.Clear();
            _usedPositions = 0;
            return entries;
        }

        private void AddPosition(ref Accumulator acc, int position)
        {
            if (_usedPositions == _positions.Length)
            {
                Array.Resize(ref _positions, _positions.Length * 2);
                Array.Resize(ref _next, _next.Length * 2);
            }

            var p = _usedPositions++;
            _positions[p] = position;
            _next[p] = -1;
            if (acc.First < 0)
            {
                acc.First = p;
            }
            else
            {
                _next[acc.Last] = p;
            }

            acc.Last = p;
            acc.Count++;
        }
    }

    private struct Accumulator
    {
        public string? Term;
        public int WeightedTf;
        public bool Title;
        public int First;
        public int Last;
        public int Count;
    }
}

/// <summary>A document after HTML extraction, kept until its terms are collected.</summary>
internal sealed record PreparedDocument(string Title, IReadOnlyList<ExtractedBlock> Blocks, IReadOnlyList<string> Tags, int Length);
