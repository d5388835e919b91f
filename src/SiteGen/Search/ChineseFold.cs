using System.Text;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>
/// Folds traditional Chinese characters onto simplified ones, one code point at a time, so an index
/// built from simplified text answers traditional queries and the other way round, and every folded
/// character still maps back to its own range of the page's text. The table comes from OpenCC's
/// character tables in npm's <c>opencc-js</c> (pinned and embedded by <c>OpenCC.targets</c>):
/// <c>TSCharacters</c>, and for the characters it does not know the Taiwan and Hong Kong variant
/// tables (<c>TWVariantsRev</c>, <c>HKVariantsRev</c>: 著 → 着), followed to a fixed point so that
/// every chain (麼 → 么 → 幺) ends in one character. OpenCC's phrase tables are left out on purpose: a phrase rule changes the length of
/// the text and would break the one-to-one mapping highlighting needs. <c>search/q.js</c> carries
/// the same table to search.js (<see cref="TableText"/>).
/// </summary>
public static class ChineseFold
{
    private const string Prefix = "SiteGen.Search.opencc.";

    // A BMP character whose folded form lies outside the BMP: look it up in the dictionary.
    private const char Supplementary = '\uFFFF';

    private static readonly Lazy<Table> Loaded = new(Load);

    /// <summary>The folded code point of <paramref name="codePoint"/>, or the code point itself.</summary>
    public static int Fold(int codePoint)
    {
        var table = Loaded.Value;
        if (codePoint < 0x10000)
        {
            var folded = table.Bmp[codePoint];
            if (folded != Supplementary)
            {
                return folded == 0 ? codePoint : folded;
            }
        }

        return table.Supplementary.TryGetValue(codePoint, out var value) ? value : codePoint;
    }

    /// <summary>Every pair the fold changes, as a sorted map (used by tests and <see cref="TableText"/>).</summary>
    public static IReadOnlyDictionary<int, int> Pairs => Loaded.Value.Pairs;

    /// <summary>The table for search.js: each changed character followed by its folded character, in code point order.</summary>
    public static string TableText => Loaded.Value.Text;

    /// <summary>The version of npm's <c>opencc-js</c> the table was read from.</summary>
    public static string Version => Loaded.Value.Version;

    /// <summary>
    /// Reads one OpenCC dictionary module (<c>export default "a b|c d|…";</c>): each entry is a key and
    /// its candidates separated by spaces, the first candidate being OpenCC's choice.
    /// </summary>
    public static Dictionary<int, int> ParseDictionary(string module)
    {
        var open = module.IndexOf('"', StringComparison.Ordinal);
        var close = module.LastIndexOf('"');
        if (open < 0 || close <= open)
        {
            throw new FormatException("not an OpenCC dictionary module (no string literal)");
        }

        var result = new Dictionary<int, int>();
        foreach (var entry in module[(open + 1)..close].Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Only one character onto one character: anything longer is a phrase rule.
            if (parts.Length >= 2 && SingleCodePoint(parts[0]) is { } key && SingleCodePoint(parts[1]) is { } value)
            {
                result.TryAdd(key, value);
            }
        }

        return result;
    }

    /// <summary>
    /// Composes the tables: a character the traditional → simplified table knows goes through it; any
    /// other goes through the first variant table that knows it (Taiwan, then Hong Kong) and then through
    /// the main table. (Variants first would undo OpenCC's own choice for 顎 → 颚.) That step is repeated
    /// until nothing changes.
    /// A cycle folds onto its smallest code point. Only CJK characters (<see cref="SearchNormalizer.IsCjk"/>)
    /// take part, since the tokenizer folds nothing else.
    /// </summary>
    public static SortedDictionary<int, int> Compose(
        IReadOnlyDictionary<int, int> traditionalToSimplified, params IReadOnlyDictionary<int, int>[] variants)
    {
        int Step(int cp)
        {
            if (traditionalToSimplified.TryGetValue(cp, out var simplified))
            {
                return simplified;
            }

            foreach (var table in variants)
            {
                if (table.TryGetValue(cp, out var variant))
                {
                    return traditionalToSimplified.TryGetValue(variant, out var folded) ? folded : variant;
                }
            }

            return cp;
        }

        var keys = new HashSet<int>(traditionalToSimplified.Keys);
        foreach (var table in variants)
        {
            keys.UnionWith(table.Keys);
        }

        var result = new SortedDictionary<int, int>();
        foreach (var start in keys)
        {
            var seen = new List<int> { start };
            var cp = Step(start);
            while (cp != seen[^1] && !seen.Contains(cp))
            {
                seen.Add(cp);
                cp = Step(cp);
            }

            var end = cp == seen[^1] ? cp : seen[seen.IndexOf(cp)..].Min();
            if (end != start && SearchNormalizer.IsCjk(start) && SearchNormalizer.IsCjk(end))
            {
                result[start] = end;
            }
        }

        return result;
    }

    private static int? SingleCodePoint(string s)
    {
        if (s.Length == 1 && !char.IsSurrogate(s[0]))
        {
            return s[0];
        }

        return s.Length == 2 && char.IsSurrogatePair(s[0], s[1]) ? char.ConvertToUtf32(s[0], s[1]) : null;
    }

    private static Table Load()
    {
        var pairs = Compose(
            ParseDictionary(Read("TSCharacters.js")), ParseDictionary(Read("TWVariantsRev.js")), ParseDictionary(Read("HKVariantsRev.js")));
        var bmp = new char[0x10000];
        var supplementary = new Dictionary<int, int>();
        var text = new StringBuilder(pairs.Count * 3);
        foreach (var (from, to) in pairs)
        {
            if (from < 0x10000)
            {
                bmp[from] = to < 0x10000 ? (char)to : Supplementary;
            }

            if (from >= 0x10000 || to >= 0x10000)
            {
                supplementary[from] = to;
            }

            text.Append(char.ConvertFromUtf32(from)).Append(char.ConvertFromUtf32(to));
        }

        using var package = JsonDocument.Parse(Read("package.json"));
        var version = package.RootElement.GetProperty("version").GetString() ?? "?";
        return new Table(bmp, supplementary, pairs, text.ToString(), version);
    }

    private static string Read(string name)
    {
        using var stream = typeof(ChineseFold).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"embedded OpenCC table {name} is missing; rebuild SiteGen (OpenCC.targets runs npm ci)");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed record Table(char[] Bmp, Dictionary<int, int> Supplementary, IReadOnlyDictionary<int, int> Pairs, string Text, string Version);
}
