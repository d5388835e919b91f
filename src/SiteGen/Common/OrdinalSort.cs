namespace SiteGen.Common;

/// <summary>A map's entries in ordinal order of key, as two arrays.</summary>
/// <remarks>
/// Sorting the keys with their values beside them, not a sequence of pairs: LINQ's ordering over a key-value pair (a
/// struct) is JIT-compiled in every process, where sorting arrays of references uses precompiled shared code.
/// </remarks>
internal static class OrdinalSort
{
    public static (string[] Keys, T[] Values) ByKey<T>(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var keys = new List<string>();
        var values = new List<T>();
        foreach (var (key, value) in entries)
        {
            keys.Add(key);
            values.Add(value);
        }

        var sortedKeys = keys.ToArray();
        var sortedValues = values.ToArray();
        Array.Sort(sortedKeys, sortedValues, StringComparer.Ordinal);
        return (sortedKeys, sortedValues);
    }
}
