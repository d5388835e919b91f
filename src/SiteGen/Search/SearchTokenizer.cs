using System.Text;

namespace SiteGen.Search;

/// <summary>
/// The one tokenizer of the index; <c>tokenize()</c> in <c>templates/assets/search.js</c> is a line-by-line
/// port and the shared vectors in <c>tests/SiteGen.Tests/TestFiles/Search/tokens.json</c> hold them together.
/// CJK characters are folded to simplified (<see cref="ChineseFold"/>); CJK runs give overlapping bigrams
/// plus unigrams (no dictionary), other letters and digits give
/// lower-cased, lightly stemmed words, and <c>\command</c> gives both <c>\command</c> and <c>command</c>.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>Longer words (hashes, URLs run together) are skipped but still take a position.</summary>
    public const int MaxWordLength = 40;

    public static List<SearchToken> Tokenize(string text, int firstPosition = 0)
    {
        var tokens = new List<SearchToken>();
        Tokenize(text, firstPosition, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> and returns the next free position.</summary>
    public static int Tokenize(string text, int firstPosition, List<SearchToken> tokens)
    {
        var state = new State(tokens, firstPosition);
        var i = 0;
        while (i < text.Length)
        {
            int cp;
            int width;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                width = 2;
            }
            else
            {
                cp = char.IsSurrogate(text[i]) ? 0xFFFD : text[i];
                width = 1;
            }

            if (SearchNormalizer.IsStableCjk(cp))
            {
                state.Feed(cp, i, i + width);
            }
            else
            {
                var normalized = SearchNormalizer.Normalize(cp);
                for (var j = 0; j < normalized.Length; j++)
                {
                    var n = (int)normalized[j];
                    if (char.IsHighSurrogate(normalized[j]) && j + 1 < normalized.Length)
                    {
                        n = char.ConvertToUtf32(normalized[j], normalized[j + 1]);
                        j++;
                    }

                    state.Feed(n, i, i + width);
                }
            }

            i += width;
        }

        state.Flush();
        return state.Position;
    }

    // Indexing a corpus creates the same few thousand one-character strings millions of times.
    private static readonly string?[] Unigrams = new string?[0x10000];

    private static string Unigram(int cp) =>
        cp < 0x10000 ? Unigrams[cp] ??= ((char)cp).ToString() : char.ConvertFromUtf32(cp);

    private sealed class State(List<SearchToken> tokens, int position)
    {
        private readonly StringBuilder _word = new();
        private readonly List<(int Cp, int Start, int End)> _cjk = [];
        private bool _command;
        private int _wordStart;
        private int _wordEnd;

        public int Position { get; private set; } = position;

        public void Feed(int cp, int start, int end)
        {
            if (SearchNormalizer.IsCjk(cp))
            {
                FlushWord();
                _cjk.Add((ChineseFold.Fold(cp), start, end));
                return;
            }

            FlushCjk();
            if (cp == '\\')
            {
                FlushWord();
                _command = true;
                _wordStart = start;
                _wordEnd = end;
                return;
            }

            if (_command && !(cp is >= 'a' and <= 'z'))
            {
                FlushWord();
            }

            if (SearchNormalizer.IsWordChar(cp))
            {
                if (_word.Length == 0 && !_command)
                {
                    _wordStart = start;
                }

                if (cp < 0x10000)
                {
                    _word.Append((char)cp);
                }
                else
                {
                    _word.Append(char.ConvertFromUtf32(cp));
                }

                _wordEnd = end;
            }
            else
            {
                FlushWord();
            }
        }

        public void Flush()
        {
            FlushWord();
            FlushCjk();
        }

        private void FlushWord()
        {
            if (_command)
            {
                _command = false;
                if (_word.Length > 0)
                {
                    var name = _word.ToString();
                    _word.Clear();
                    tokens.Add(new SearchToken("\\" + name, Position, SearchTokenKind.TexCommand, _wordStart, _wordEnd));
                    tokens.Add(new SearchToken(name, Position, SearchTokenKind.Word, _wordStart, _wordEnd));
                    Position++;
                }

                return;
            }

            if (_word.Length == 0)
            {
                return;
            }

            var word = _word.ToString();
            _word.Clear();
            if (word.Length <= MaxWordLength)
            {
                tokens.Add(new SearchToken(LightStemmer.Stem(word), Position, SearchTokenKind.Word, _wordStart, _wordEnd));
            }

            Position++;
        }

        private void FlushCjk()
        {
            if (_cjk.Count == 0)
            {
                return;
            }

            for (var k = 0; k < _cjk.Count; k++)
            {
                var (cp, start, end) = _cjk[k];
                var unigram = Unigram(cp);
                tokens.Add(new SearchToken(unigram, Position + k, SearchTokenKind.CjkUnigram, start, end));
                if (k + 1 < _cjk.Count)
                {
                    var next = _cjk[k + 1];
                    tokens.Add(new SearchToken(unigram + char.ConvertFromUtf32(next.Cp), Position + k,
                        SearchTokenKind.CjkBigram, start, next.End));
                }
            }

            Position += _cjk.Count;
            _cjk.Clear();
        }
    }
}
