namespace SiteGen.Search;

/// <summary>How a token was produced; the query side treats CJK unigrams differently from bigrams.</summary>
public enum SearchTokenKind
{
    Word,
    CjkUnigram,
    CjkBigram,
    TexCommand,
}

/// <summary>
/// One index term with its token position (phrases are consecutive positions) and the
/// UTF-16 range [<see cref="Start"/>, <see cref="End"/>) it came from in the original text.
/// </summary>
public readonly record struct SearchToken(string Term, int Position, SearchTokenKind Kind, int Start, int End);
