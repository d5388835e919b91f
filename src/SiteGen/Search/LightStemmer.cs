namespace SiteGen.Search;

/// <summary>
/// A deliberately small English suffix stripper: plurals (<c>flows</c>, <c>classes</c>, <c>studies</c>),
/// <c>-ing</c> and <c>-ed</c> (<c>applied</c> → <c>apply</c>, <c>embedding</c> and <c>embedded</c> →
/// <c>embed</c>, undoubling a final consonant; not <c>speed</c> or <c>embed</c> themselves), and a final <c>-e</c> (<c>normalize</c>, <c>normalized</c>
/// → <c>normaliz</c>). It never stems a word to under three letters and leaves words it has no rule for
/// alone, so a word being typed still prefixes its stemmed completions. It must stay byte-for-byte
/// identical to <c>stem()</c> in <c>templates/assets/search.js</c> (the shared vectors check both).
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
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
                 && !w.EndsWith("is", StringComparison.Ordinal) && !w.EndsWith("ias", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length - 3 >= 3)
        {
            w = Undouble(w[..^3]);
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length - 2 >= 3 && !NotInflected(w))
        {
            w = Undouble(w[..^2]);
        }

        if (w.EndsWith('e') && w.Length - 1 >= 3)
        {
            w = w[..^1];
        }

        return w;
    }

    // Words that only look like -ed forms: speed, exceed (…eed), and embed, so that embed, embeds, embedded and embedding meet.
    private static bool NotInflected(string w) => w.EndsWith("eed", StringComparison.Ordinal) || w is "embed" or "imbed";

    // running → runn → run, embedded → embedd → embed; never ll, ss, zz (falling, passed, buzzing) or short stems (added).
    private static string Undouble(string stem) =>
        stem.Length >= 4 && stem[^1] == stem[^2] && "bdfgmnprt".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;

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
