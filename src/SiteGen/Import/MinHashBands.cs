using System.Numerics;
using System.Runtime.InteropServices;

namespace SiteGen.Import;

/// <summary>
/// MinHash signatures cut into LSH bands: texts that agree on every row of at least one band become
/// candidate pairs, so near duplicates are found without comparing all pairs.
/// </summary>
internal sealed class MinHashBands
{
    private const int HashBudget = 96;

    private readonly uint[] _multipliers;
    private readonly uint[] _offsets;

    public int Bands { get; }
    public int Rows { get; }

    /// <summary>Picks the band shape that still finds a pair at the threshold with probability ≥ 99.5%, with as few spurious candidates as possible.</summary>
    public MinHashBands(double threshold)
    {
        var t = Math.Clamp(threshold, 0.05, 1.0);
        Rows = 1;
        for (var rows = 8; rows >= 1; rows--)
        {
            if (1 - Math.Pow(1 - Math.Pow(t, rows), HashBudget / rows) >= 0.995)
            {
                Rows = rows;
                break;
            }
        }
        Bands = HashBudget / Rows;
        // Whole SIMD vectors; the padding lanes are computed and ignored.
        var lanes = Vector<uint>.Count;
        var count = (Bands * Rows + lanes - 1) / lanes * lanes;
        _multipliers = new uint[count];
        _offsets = new uint[count];
        // Fixed seeds: the same input must give the same candidates on every machine and every run.
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < count; i++)
        {
            state = ShingleSet.Mix(state + 0x9E3779B97F4A7C15UL);
            _multipliers[i] = (uint)state | 1;
            _offsets[i] = (uint)(state >> 32);
        }
    }

    /// <summary>One 64-bit key per band for the text's character shingles; equal keys mean equal signature rows.</summary>
    public ulong[] BandKeys(ReadOnlySpan<char> text, int shingleSize)
    {
        shingleSize = Math.Max(1, shingleSize);
        var signature = new uint[_multipliers.Length];
        Array.Fill(signature, uint.MaxValue);
        var sig = MemoryMarshal.Cast<uint, Vector<uint>>(signature.AsSpan());
        var mul = MemoryMarshal.Cast<uint, Vector<uint>>(_multipliers.AsSpan());
        var add = MemoryMarshal.Cast<uint, Vector<uint>>(_offsets.AsSpan());
        var windows = Math.Max(1, text.Length - shingleSize + 1);
        for (var start = 0; start < windows; start++)
        {
            var shingle = text.Slice(start, Math.Min(shingleSize, text.Length - start));
            var x = new Vector<uint>((uint)ShingleSet.Hash(shingle));
            for (var v = 0; v < sig.Length; v++)
            {
                var h = x * mul[v] + add[v];
                sig[v] = Vector.Min(sig[v], h ^ (h >> 16));
            }
        }

        var keys = new ulong[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var key = (ulong)(band + 1) * 0x9E3779B97F4A7C15UL;
            for (var row = 0; row < Rows; row++)
            {
                key = ShingleSet.Mix(key ^ signature[band * Rows + row]);
            }
            keys[band] = key;
        }
        return keys;
    }
}
