namespace SiteGen.Search;

/// <summary>
/// A deliberately tiny English suffix stripper (plural, -ing, -ed, final -e). It must stay
/// byte-for-byte identical to <c>stem()</c> in <c>templates/assets/search.js</c>.
/// </summary>
public static class LightStemmer
{
    public static string Stem(string word)
    {
        if (word.Length < 4 || !IsAsciiLower(word))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)
                 && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length - 3 >= 3)
        {
            w = w[..^3];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length - 2 >= 3)
        {
            w = w[..^2];
        }

        if (w.EndsWith('e') && w.Length - 1 >= 3)
        {
            w = w[..^1];
        }

        return w;
    }

    private static bool IsAsciiLower(string s)
    {
        foreach (var c in s)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
