using System.Text;

namespace SiteGen.Publish;

/// <summary>Short plain-text summaries for listings and meta descriptions, cut at a natural boundary.</summary>
public static class Excerpt
{
    private const string SentenceEnds = "。！？；.!?;";

    public static string Of(string text, int maxLength)
    {
        var flat = Common.Whitespace.Collapse(text);
        if (flat.Length <= maxLength)
        {
            return flat;
        }

        var cut = maxLength;
        // Prefer the end of a sentence in the second half of the budget, else a clause or space.
        var sentence = flat.LastIndexOfAny(SentenceEnds.ToCharArray(), maxLength - 1, maxLength / 2);
        if (sentence > 0)
        {
            return flat[..(sentence + 1)];
        }

        var clause = flat.LastIndexOfAny("，,、：: ".ToCharArray(), maxLength - 1, maxLength / 2);
        if (clause > 0)
        {
            cut = clause;
        }

        if (char.IsHighSurrogate(flat[cut - 1]))
        {
            cut--;
        }

        return flat[..cut].TrimEnd() + "…";
    }
}
