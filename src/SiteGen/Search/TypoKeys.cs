namespace SiteGen.Search;

/// <summary>
/// Deletion-neighbourhood keys for typo tolerance (SymSpell's idea, on a prefix). Two words within
/// <c>d</c> edits (insertions, deletions, substitutions, adjacent transpositions) share a string obtained
/// by deleting at most <c>d</c> characters from the first <see cref="PrefixLength"/> characters of each;
/// so the index lists every Latin term under each such key of its prefix, and a query looks up only
/// its own keys (at most 6 for one edit, 16 for two) instead of the whole term list. Candidates are
/// then checked with <see cref="Distance"/> on the whole word. Mirrors <c>typoKeys()</c> and
/// <c>distance()</c> in search.js.
/// </summary>
public static class TypoKeys
{
    public const int PrefixLength = 5;

    /// <summary>Words typed with this many letters or more get one edit when nothing matches exactly or as a prefix.</summary>
    public const int OneEditLength = 5;

    /// <summary>Words whose stem has this many letters or more get two edits.</summary>
    public const int TwoEditLength = 9;

    /// <summary>
    /// Edits allowed for a query word typed with <paramref name="typedLength"/> letters whose stem (the term
    /// searched for) has <paramref name="stemLength"/>: 0, 1 or 2. (A stem under four letters gets none: index
    /// terms that short have no keys.)
    /// </summary>
    public static int QueryEdits(int stemLength, int typedLength) =>
        stemLength >= TwoEditLength ? 2 : typedLength >= OneEditLength && stemLength >= OneEditLength - 1 ? 1 : 0;

    /// <summary>
    /// The most edits any query could be allowed from <paramref name="term"/>: two-edit stems have at least
    /// 9 letters, so only terms of 7 or more can be reached with two; one-edit stems (4 letters or more) reach
    /// terms of 3 or more, of which those of 4 or more are listed.
    /// </summary>
    public static int TermEdits(string term) =>
        !IsLatinWord(term) || term.Length < OneEditLength - 1 ? 0 : term.Length >= TwoEditLength - 2 ? 2 : 1;

    /// <summary>Only words of Latin letters take part (no digits, no TeX commands, no CJK).</summary>
    public static bool IsLatinWord(string term)
    {
        if (term.Length == 0 || term.Length > SearchTokenizer.MaxWordLength)
        {
            return false;
        }

        foreach (var c in term)
        {
            if (!IsLatinLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>a–z and the lower-case range of Latin-1 Supplement and Latin Extended-A/B (ß…ɏ, not ÷).</summary>
    public static bool IsLatinLetter(char c) => c is >= 'a' and <= 'z' || (c is >= '\u00DF' and <= '\u024F' && c != '\u00F7');

    /// <summary>Every string made by deleting up to <paramref name="deletions"/> characters of the word's prefix, the prefix itself included.</summary>
    public static SortedSet<string> Keys(string word, int deletions)
    {
        var prefix = word.Length > PrefixLength ? word[..PrefixLength] : word;
        var keys = new SortedSet<string>(StringComparer.Ordinal) { prefix };
        var frontier = new List<string> { prefix };
        for (var d = 0; d < deletions; d++)
        {
            var next = new List<string>();
            foreach (var s in frontier)
            {
                for (var i = 0; i < s.Length; i++)
                {
                    var shorter = s.Remove(i, 1);
                    if (shorter.Length > 0 && keys.Add(shorter))
                    {
                        next.Add(shorter);
                    }
                }
            }

            frontier = next;
        }

        return keys;
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), or <c>max + 1</c>
    /// as soon as it is certain to exceed <paramref name="max"/>.
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
