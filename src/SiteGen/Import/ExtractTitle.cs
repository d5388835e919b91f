using System.Text;

namespace SiteGen.Import;

/// <summary>
/// Finds a title in a flattened article: a leading short heading that is not a generic section word, else a
/// paper name in 《》 in the first sentence, else the first clause cut at a natural boundary (≤ 40 characters,
/// never inside a Latin word). A 🔖 link's label is the heading that follows its URL.
/// </summary>
internal sealed class ExtractTitle
{
    public const int MaxLength = 40;
    private const int MinClause = 8;
    private const int MaxCjkHeading = 20;
    private const string SentencePunctuation = "，。,：:；;！!？?、";
    private const string FunctionWords = "是的在和也就将与对把被为";

    public string From(string text)
    {
        var rest = TextKey.Normalize(text);
        rest = StripMarker(rest);
        while (SectionWords.AtStart(rest) is { } word)
        {
            rest = rest[word.Length..].TrimStart();
        }
        // A title is words: stop before the first formula, and drop list or quote markers left at the start.
        var math = Math.Min(IndexOr(rest, "\\("), IndexOr(rest, "\\["));
        if (math is >= 2 and < int.MaxValue)
        {
            rest = rest[..math].TrimEnd().TrimEnd(':', '：', ',', '，');
        }
        rest = rest.TrimStart('-', '+', '*', '>', '#', '=', ' ');
        if (rest.Length == 0)
        {
            return Cut(TextKey.Normalize(text));
        }
        return Heading(rest) ?? PaperName(rest) ?? Clause(rest);
    }

    private static int IndexOr(string text, string value)
    {
        var index = text.IndexOf(value, StringComparison.Ordinal);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>Drops a leading 💡/🔖 marker, and a 🔖's URL so its label becomes the leading heading.</summary>
    private static string StripMarker(string text)
    {
        foreach (var marker in new[] { "💡", "🔖", "📌" })
        {
            if (!text.StartsWith(marker, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = text[marker.Length..].TrimStart();
            if (rest.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                var space = rest.IndexOf(' ');
                rest = space < 0 ? "" : rest[(space + 1)..].TrimStart();
            }
            return rest;
        }
        return text;
    }

    private static string? Heading(string text)
    {
        // The words are the text's space-separated tokens, found one at a time: a heading looks at a few at the start,
        // and splitting the whole article made a string for every word of it (most of the titles' time).
        var firstSpace = text.IndexOf(' ');
        if (firstSpace < 0 || !IsHeadingToken(text[..firstSpace], out var endsQuestion))
        {
            return null;
        }
        var words = new List<string> { text[..firstSpace] };
        var length = words[0].Length;
        var allLatin = IsLatinWord(words[0]);
        var start = firstSpace + 1;
        while (!endsQuestion)
        {
            // The last token, with no space after it, is never a heading word.
            var end = text.IndexOf(' ', start);
            if (end < 0)
            {
                break;
            }
            var token = text[start..end];
            if (!IsHeadingToken(token, out endsQuestion))
            {
                break;
            }
            var latin = IsLatinWord(token);
            var limit = allLatin && latin ? MaxLength : MaxCjkHeading;
            if (length + 1 + token.Length > limit)
            {
                break;
            }
            words.Add(token);
            length += 1 + token.Length;
            allLatin &= latin;
            start = end + 1;
        }

        // "TFRecord TFRecord 是…": the heading is followed by the same term as the first sentence's subject.
        for (var half = words.Count / 2; half >= 1; half--)
        {
            if (words.Skip(words.Count - half).SequenceEqual(words.Skip(words.Count - 2 * half).Take(half)))
            {
                words.RemoveRange(words.Count - half, half);
                break;
            }
        }

        // The first character of the next non-empty token after the heading's words, which are the text's first tokens,
        // one space after each.
        var after = text.AsSpan(words.Sum(w => w.Length + 1)).TrimStart(' ');
        var last = words[^1];
        // "Normalizing flow(…": a Latin phrase running on in lower case is a sentence, not a heading.
        if (after.Length > 0 && char.IsAsciiLetterLower(after[0]) && char.IsAsciiLetter(last[^1]))
        {
            return null;
        }
        // "Medusa 是…": a single term followed by a verb or particle is the subject of the first sentence.
        if (words.Count == 1 && IsLatinWord(last) && after.Length > 0 && FunctionWords.Contains(after[0]))
        {
            return null;
        }
        var heading = StripNumbering(string.Join(' ', words));
        return heading.Length >= 2 ? heading : null;
    }

    private static bool IsHeadingToken(string token, out bool endsQuestion)
    {
        endsQuestion = token.Length > 1 && token[^1] is '?' or '？';
        var body = endsQuestion ? token[..^1] : token;
        if (body.Length == 0 || body.Length > MaxLength || body.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var c in body)
        {
            if (SentencePunctuation.Contains(c) || "()（）《》「」“”\"[]【】".Contains(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLatinWord(string token) => token.All(c => c < '\u0080' && (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '+' or '_'));

    private static string StripNumbering(string heading)
    {
        var digits = 0;
        while (digits < heading.Length && char.IsAsciiDigit(heading[digits]))
        {
            digits++;
        }
        if (digits is > 0 and < 3 && digits + 1 < heading.Length && heading[digits] is '.' or '、' && !char.IsAsciiDigit(heading[digits + 1]))
        {
            return heading[(digits + 1)..].TrimStart();
        }
        return heading;
    }

    private static string? PaperName(string text)
    {
        var sentenceEnd = text.IndexOfAny(['。', '！', '？']);
        var scope = sentenceEnd < 0 ? text : text[..sentenceEnd];
        var open = scope.IndexOf('《');
        var close = open < 0 ? -1 : scope.IndexOf('》', open + 1);
        if (close <= open + 1)
        {
            return null;
        }
        var name = scope[(open + 1)..close].Trim();
        return name.Length is >= 2 and <= 80 ? CutLatin(name, 80) : null;
    }

    /// <summary>
    /// The first clause: the shortest prefix of 8–40 characters ending at punctuation, else one ending at a
    /// bracket, else a hard cut. A first sentence too short to be a title (e.g. "首先看论文题目。") is skipped.
    /// </summary>
    private static string Clause(string text)
    {
        var sentenceEnd = text.IndexOfAny(['。', '！', '？']);
        if (sentenceEnd is > 0 and < MinClause && sentenceEnd + 1 < text.Length)
        {
            return Clause(text[(sentenceEnd + 1)..].TrimStart());
        }
        var depth = 0;
        string? bracketCut = null;
        for (var i = 0; i < text.Length && i <= MaxLength; i++)
        {
            var c = text[i];
            int? cut = null;
            var atBracket = false;
            if (c is '(' or '（')
            {
                cut = depth == 0 ? i : null;
                atBracket = true;
                depth++;
            }
            else if (c is ')' or '）')
            {
                depth = Math.Max(0, depth - 1);
                cut = depth == 0 ? i + 1 : null;
                atBracket = true;
            }
            else if (depth == 0 && SentencePunctuation.Contains(c))
            {
                cut = i;
            }
            if (cut is not { } at)
            {
                continue;
            }
            var candidate = text[..at].TrimEnd();
            if (candidate.Length is < MinClause or > MaxLength)
            {
                continue;
            }
            if (!atBracket)
            {
                return candidate;
            }
            bracketCut ??= candidate;
        }
        if (bracketCut is not null)
        {
            return bracketCut;
        }
        return text.Length <= MaxLength ? text.TrimEnd('。', '.', '…', ' ') : Cut(text);
    }

    private static string Cut(string text) => text.Length <= MaxLength ? text : CutLatin(text, MaxLength - 1) + "…";

    /// <summary>At most <paramref name="max"/> characters, backing up to a space or a non-Latin character so no Latin word is split.</summary>
    private static string CutLatin(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var end = max;
        while (end > 0 && char.IsAsciiLetterOrDigit(text[end - 1]) && char.IsAsciiLetterOrDigit(text[end]))
        {
            end--;
        }
        if (end == 0)
        {
            end = max;
        }
        return new StringBuilder().Append(text.AsSpan(0, end).TrimEnd()).ToString().TrimEnd(',', '，', ':', '：', '、');
    }
}
