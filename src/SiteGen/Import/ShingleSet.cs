using System.Runtime.CompilerServices;

namespace SiteGen.Import;

/// <summary>The 64-bit hash of a character shingle, and the finalizer MinHash seeds and band keys are mixed with.</summary>
internal static class ShingleSet
{
    /// <summary>FNV-1a over the UTF-16 code units, then a 64-bit finalizer so every bit depends on every character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<char> chars)
    {
        var h = 14695981039346656037UL;
        foreach (var c in chars)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return Mix(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
