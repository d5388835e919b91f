namespace SiteGen.Search;

/// <summary>
/// Which term shard holds a term. Latin and TeX terms are keyed by their first
/// <see cref="PrefixLength"/> characters so that a typed prefix finds all its completions in one
/// shard; CJK terms by the whole term. Mirrors <c>shardOf()</c> in search.js.
/// </summary>
public static class ShardKey
{
    public const int PrefixLength = 3;

    public static string Of(string term)
    {
        if (term.Length == 0)
        {
            return term;
        }

        var first = char.IsHighSurrogate(term[0]) && term.Length > 1 && char.IsLowSurrogate(term[1])
            ? char.ConvertToUtf32(term[0], term[1])
            : term[0];
        if (SearchNormalizer.IsCjk(first))
        {
            return term;
        }

        return term.Length <= PrefixLength ? term : term[..PrefixLength];
    }

    /// <summary>FNV-1a over UTF-16 code units, so JavaScript computes the same value without encoding.</summary>
    public static uint Hash(string key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h ^= c;
            h *= 16777619u;
        }

        return h;
    }

    public static int Shard(string term, int shardCount) => (int)(Hash(Of(term)) % (uint)shardCount);
}
