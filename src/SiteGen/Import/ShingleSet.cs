using System.Runtime.CompilerServices;

namespace SiteGen.Import;

/// <summary>
/// The 64-bit hash of a character shingle, the finalizer MinHash seeds and band keys are mixed with, and the sorted
/// shingle sets <see cref="Syndication.MergeFeedItems"/> compares texts of items that share a link with.
/// </summary>
internal static class ShingleSet
{
    /// <summary>Hashes of every window of <paramref name="size"/> characters (the whole text when it is shorter).</summary>
    public static ulong[] Of(string text, int size)
    {
        size = Math.Max(1, size);
        if (text.Length <= size)
        {
            return text.Length == 0 ? [] : [Hash(text)];
        }
        var hashes = new ulong[text.Length - size + 1];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Hash(text.AsSpan(i, size));
        }
        Array.Sort(hashes);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (i == 0 || hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }
        return hashes.AsSpan(0, distinct).ToArray();
    }

    /// <summary>Size of the intersection of two sorted distinct arrays.</summary>
    public static int Intersection(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;
    }

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
