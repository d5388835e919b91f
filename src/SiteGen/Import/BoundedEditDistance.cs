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
    // Per thread: char → 1 + index into the pattern's distinct characters (0 = not in the pattern).
    [ThreadStatic]
    private static ushort[]? t_charSlots;

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

        var blocks = (m + 63) / 64;
        var slots = t_charSlots ??= new ushort[char.MaxValue + 1];
        var distinct = new List<char>();
        foreach (var c in pattern)
        {
            if (slots[c] == 0)
            {
                distinct.Add(c);
                slots[c] = (ushort)distinct.Count;
            }
        }

        try
        {
            // peq[(slot - 1) * blocks + b]: bit t set where pattern[64b + t] is that character.
            var peq = new ulong[distinct.Count * blocks];
            for (var i = 0; i < m; i++)
            {
                peq[(slots[pattern[i]] - 1) * blocks + i / 64] |= 1UL << (i % 64);
            }

            return Run(peq, slots, blocks, m, text, maxEdits, freeTextEnd, ref work);
        }
        finally
        {
            foreach (var c in distinct)
            {
                slots[c] = 0;
            }
        }
    }

    private static int Run(ulong[] peq, ushort[] slots, int blocks, int m, ReadOnlySpan<char> text, int maxEdits, bool freeTextEnd, ref long work)
    {
        // Vertical deltas of each block (+1 / -1 bit vectors) and the value of its bottom row; column 0 is D[i][0] = i.
        Span<ulong> pv = blocks <= 64 ? stackalloc ulong[blocks] : new ulong[blocks];
        Span<ulong> mv = blocks <= 64 ? stackalloc ulong[blocks] : new ulong[blocks];
        Span<int> score = blocks <= 64 ? stackalloc int[blocks] : new int[blocks];
        for (var b = 0; b < blocks; b++)
        {
            pv[b] = ulong.MaxValue;
            mv[b] = 0;
            score[b] = (b + 1) * 64;
        }

        var lastRow = (m - 1) % 64;
        var best = freeTextEnd && m <= maxEdits ? m : int.MaxValue;
        var lastBlock = Math.Min(blocks - 1, maxEdits / 64);
        for (var j = 0; j < text.Length; j++)
        {
            var slot = slots[text[j]];
            var eqBase = (slot - 1) * blocks;
            // Row 0 is D[0][j] = j: the horizontal delta entering the first block is always +1.
            var hin = 1;
            var columnMin = int.MaxValue;
            for (var b = 0; b <= lastBlock; b++)
            {
                hin = Step(ref pv[b], ref mv[b], slot == 0 ? 0 : peq[eqBase + b], hin);
                score[b] += hin;
                columnMin = Math.Min(columnMin, score[b]);
            }

            work += lastBlock + 1;
            // Ukkonen: a row more than maxEdits below the diagonal cannot be within the bound yet.
            var needed = Math.Min(blocks - 1, (j + 1 + maxEdits) / 64);
            while (lastBlock < needed)
            {
                // The new block starts from its column j - 1 as if every row added one: an overestimate, and
                // harmless, since those cells are more than maxEdits away from the diagonal.
                lastBlock++;
                pv[lastBlock] = ulong.MaxValue;
                mv[lastBlock] = 0;
                score[lastBlock] = score[lastBlock - 1] - hin + 64;
                hin = Step(ref pv[lastBlock], ref mv[lastBlock], slot == 0 ? 0 : peq[eqBase + lastBlock], hin);
                score[lastBlock] += hin;
                work++;
            }

            if (lastBlock == blocks - 1 && freeTextEnd)
            {
                best = Math.Min(best, BottomValue(pv[lastBlock], mv[lastBlock], score[lastBlock], lastRow));
            }

            // Every path to the result crosses this column and never gets cheaper: if no cell of it (row 0 is j + 1,
            // a block's cells are at least its bottom value minus 63) beats what is still wanted, nothing later does.
            var wanted = freeTextEnd ? Math.Min(best - 1, maxEdits) : maxEdits;
            if (Math.Min(j + 1, columnMin - 63) > wanted)
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
}
