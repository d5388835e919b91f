using System.Numerics;

namespace SiteGen.Import;

/// <summary>
/// Levenshtein distance up to a bound, with Myers' bit-parallel algorithm in 64-row blocks (as edlib
/// computes it) and Ukkonen's band: rows more than the bound below the diagonal are not computed yet,
/// and the computation stops as soon as no cell of a column can still lead to a result within the bound.
/// Unrelated texts therefore cost a few dozen columns, not the whole matrix.
/// </summary>
internal static class BoundedEditDistance
{
    [ThreadStatic]
    private static Workspace? t_workspace;

    /// <summary>
    /// The edit distance between <paramref name="pattern"/> and <paramref name="text"/> (<paramref name="freeTextEnd"/>
    /// false), or between the pattern and the best-aligned prefix of the text (true: the text may go on past the
    /// pattern's end for free); -1 when it exceeds <paramref name="maxEdits"/>. <paramref name="work"/> grows by
    /// the number of 64-row block steps computed.
    /// </summary>
    public static int Compute(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, int maxEdits, bool freeTextEnd, ref long work)
    {
        var m = pattern.Length;
        if (freeTextEnd)
        {
            // A prefix longer than the pattern by more than the bound can never be within it.
            text = text[..Math.Min(text.Length, m + maxEdits)];
        }
        else if (Math.Abs(text.Length - m) > maxEdits)
        {
            return -1;
        }

        if (m == 0)
        {
            return freeTextEnd ? 0 : text.Length;
        }

        var space = t_workspace ??= new Workspace();
        if (space.CharacterExcess(pattern, text, freeTextEnd) > maxEdits)
        {
            // Characters one side has more of than the other each need an edit: cheaper than any column.
            return -1;
        }

        space.Load(pattern);
        try
        {
            return Run(space, pattern, text, maxEdits, freeTextEnd, ref work);
        }
        finally
        {
            space.Clear(pattern);
        }
    }

    private static int Run(Workspace space, ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, int maxEdits, bool freeTextEnd, ref long work)
    {
        var m = pattern.Length;
        var blocks = space.Blocks;
        var slots = space.Slots;
        // Vertical deltas of each block (+1 / -1 bit vectors) and the value of its bottom row; column 0 is D[i][0] = i.
        var pv = space.Pv;
        var mv = space.Mv;
        var score = space.Score;
        var lastRow = (m - 1) % 64;
        var best = freeTextEnd && m <= maxEdits ? m : int.MaxValue;
        var lastBlock = -1;
        var needed = Math.Min(blocks - 1, maxEdits / 64);
        while (lastBlock < needed)
        {
            lastBlock++;
            space.Activate(pattern, lastBlock);
            (pv[lastBlock], mv[lastBlock], score[lastBlock]) = (ulong.MaxValue, 0, (lastBlock + 1) * 64);
        }

        for (var j = 0; j < text.Length; j++)
        {
            var slot = slots[text[j]];
            // Row 0 is D[0][j] = j: the horizontal delta entering the first block is always +1.
            var hin = 1;
            for (var b = 0; b <= lastBlock; b++)
            {
                hin = Step(ref pv[b], ref mv[b], space.Eq(b, slot), hin);
                score[b] += hin;
            }

            work += lastBlock + 1;
            // Ukkonen: a row more than maxEdits below the diagonal cannot be within the bound yet.
            needed = Math.Min(blocks - 1, (j + 1 + maxEdits) / 64);
            while (lastBlock < needed)
            {
                // The new block starts from its column j - 1 as if every row added one: an overestimate, and
                // harmless, since those cells are more than maxEdits away from the diagonal.
                lastBlock++;
                space.Activate(pattern, lastBlock);
                (pv[lastBlock], mv[lastBlock]) = (ulong.MaxValue, 0);
                score[lastBlock] = score[lastBlock - 1] - hin + 64;
                hin = Step(ref pv[lastBlock], ref mv[lastBlock], space.Eq(lastBlock, slot), hin);
                score[lastBlock] += hin;
                work++;
            }

            if (lastBlock == blocks - 1 && freeTextEnd)
            {
                best = Math.Min(best, BottomValue(pv[lastBlock], mv[lastBlock], score[lastBlock], lastRow));
            }

            var wanted = freeTextEnd ? Math.Min(best - 1, maxEdits) : maxEdits;
            if (LowerBound(pv, mv, score, lastBlock, m, j + 1, text.Length, freeTextEnd) > wanted)
            {
                return best <= maxEdits && freeTextEnd ? best : -1;
            }
        }

        if (!freeTextEnd)
        {
            best = text.Length == 0 ? m : BottomValue(pv[blocks - 1], mv[blocks - 1], score[blocks - 1], lastRow);
        }

        return best <= maxEdits ? best : -1;
    }

    /// <summary>
    /// A lower bound on the result, from column <paramref name="column"/>: every path to the result crosses the
    /// column and never gets cheaper, so the result is at least the smallest cell of the column plus what the
    /// path still has to pay to reach its end (the difference of the rows and columns left, or the rows left
    /// beyond the text left when the text's end is free). Cells of a block are bounded from its bottom value
    /// and its vertical deltas; cells below the last active block are beyond the bound anyway.
    /// </summary>
    private static int LowerBound(ulong[] pv, ulong[] mv, int[] score, int lastBlock, int m, int column, int n, bool freeTextEnd)
    {
        // Row 0 holds D[0][column] = column.
        var bound = column + Remaining(0, 0, m, column, n, freeTextEnd);
        for (var b = 0; b <= lastBlock; b++)
        {
            var (p, q, bottom) = (pv[b] & ~1UL, mv[b] & ~1UL, score[b]);
            var top = bottom - BitOperations.PopCount(p) + BitOperations.PopCount(q);
            var cells = Math.Max(top - BitOperations.PopCount(q), bottom - BitOperations.PopCount(p));
            bound = Math.Min(bound, cells + Remaining(b * 64 + 1, Math.Min(m, b * 64 + 64), m, column, n, freeTextEnd));
        }

        return bound;
    }

    /// <summary>The least any path from rows <paramref name="first"/>..<paramref name="last"/> of a column still costs.</summary>
    private static int Remaining(int first, int last, int m, int column, int n, bool freeTextEnd)
    {
        if (freeTextEnd)
        {
            return Math.Max(0, m - last - (n - column));
        }

        // Rows left minus columns left is zero on the row m - n + column.
        var diagonal = m - n + column;
        return Math.Max(0, Math.Max(first - diagonal, diagonal - last));
    }

    /// <summary>The value at <paramref name="row"/> (0..63) of a block from its bottom value and vertical deltas.</summary>
    private static int BottomValue(ulong pv, ulong mv, int bottom, int row)
    {
        if (row == 63)
        {
            return bottom;
        }

        var below = ulong.MaxValue << (row + 1);
        return bottom - BitOperations.PopCount(pv & below) + BitOperations.PopCount(mv & below);
    }

    /// <summary>One column of one block (Hyyrö's formulation, as in edlib); returns the horizontal delta at its bottom row.</summary>
    private static int Step(ref ulong pv, ref ulong mv, ulong eq, int hin)
    {
        var hinIsNegative = hin < 0 ? 1UL : 0UL;
        var xv = eq | mv;
        eq |= hinIsNegative;
        var xh = (((eq & pv) + pv) ^ pv) | eq;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        var hout = (int)(ph >> 63) - (int)(mh >> 63);
        ph <<= 1;
        mh <<= 1;
        mh |= hinIsNegative;
        ph |= hin > 0 ? 1UL : 0UL;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
        return hout;
    }

    /// <summary>
    /// One thread's reusable buffers: a slot per distinct pattern character, and the match masks of each block
    /// (filled only when the band reaches that block, cleared again afterwards, so nothing is allocated per call).
    /// </summary>
    private sealed class Workspace
    {
        private readonly List<char> _distinct = [];
        private ulong[] _peq = [];
        private int _activated;

        private readonly int[] _counts = new int[char.MaxValue + 1];

        // char → 1 + index into the pattern's distinct characters (0 = not in the pattern).
        public ushort[] Slots { get; } = new ushort[char.MaxValue + 1];

        /// <summary>
        /// A lower bound on the distance from character counts: every character the pattern has more of than the
        /// text must be edited (and, for whole texts, every one the text has more of). With a free text end the
        /// text passed in is already cut to the longest prefix that could match, and only the first bound holds.
        /// </summary>
        public int CharacterExcess(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool freeTextEnd)
        {
            foreach (var c in pattern)
            {
                _counts[c]++;
            }

            foreach (var c in text)
            {
                _counts[c]--;
            }

            var patternExcess = 0;
            foreach (var c in pattern)
            {
                if (_counts[c] > 0)
                {
                    patternExcess += _counts[c];
                }

                _counts[c] = 0;
            }

            foreach (var c in text)
            {
                _counts[c] = 0;
            }

            // Counts sum to |pattern| - |text|, so what the text has in excess follows from the pattern's.
            return freeTextEnd ? patternExcess : Math.Max(patternExcess, patternExcess - pattern.Length + text.Length);
        }

        public int Blocks { get; private set; }

        public ulong[] Pv { get; private set; } = [];

        public ulong[] Mv { get; private set; } = [];

        public int[] Score { get; private set; } = [];

        public void Load(ReadOnlySpan<char> pattern)
        {
            foreach (var c in pattern)
            {
                if (Slots[c] == 0)
                {
                    _distinct.Add(c);
                    Slots[c] = (ushort)_distinct.Count;
                }
            }

            Blocks = (pattern.Length + 63) / 64;
            if (_peq.Length < Blocks * _distinct.Count)
            {
                _peq = new ulong[Math.Max(Blocks * _distinct.Count, _peq.Length * 2)];
            }

            if (Pv.Length < Blocks)
            {
                var size = Math.Max(Blocks, Pv.Length * 2);
                (Pv, Mv, Score) = (new ulong[size], new ulong[size], new int[size]);
            }

            _activated = 0;
        }

        /// <summary>The match mask of block <paramref name="block"/> for a text character's slot.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public ulong Eq(int block, ushort slot) => slot == 0 ? 0 : _peq[block * _distinct.Count + slot - 1];

        /// <summary>Fills block <paramref name="block"/>'s masks; blocks are activated in order.</summary>
        public void Activate(ReadOnlySpan<char> pattern, int block)
        {
            var stride = _distinct.Count;
            var end = Math.Min(pattern.Length, (block + 1) * 64);
            for (var i = block * 64; i < end; i++)
            {
                _peq[block * stride + Slots[pattern[i]] - 1] |= 1UL << (i % 64);
            }

            _activated = block + 1;
        }

        public void Clear(ReadOnlySpan<char> pattern)
        {
            var stride = _distinct.Count;
            var end = Math.Min(pattern.Length, _activated * 64);
            for (var i = 0; i < end; i++)
            {
                _peq[i / 64 * stride + Slots[pattern[i]] - 1] = 0;
            }

            foreach (var c in _distinct)
            {
                Slots[c] = 0;
            }

            _distinct.Clear();
        }
    }
}
