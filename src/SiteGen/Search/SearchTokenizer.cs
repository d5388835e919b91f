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
        var state = State.For(tokens, firstPosition);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                // ASCII normalizes to its lower case; this path carries most of an English or LaTeX text.
                state.Feed(c is >= 'A' and <= 'Z' ? c + 32 : c, i, i + 1);
                i++;
                continue;
            }

            int cp;
            int width;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(c, text[i + 1]);
                width = 2;
            }
            else
            {
                cp = char.IsSurrogate(c) ? 0xFFFD : c;
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
        return state.Detach();
    }

    // Indexing a corpus creates the same few thousand one-character strings millions of times.
    private static readonly string?[] Unigrams = new string?[0x10000];

    private static string Unigram(int cp) =>
        cp < 0x10000 ? Unigrams[cp] ??= ((char)cp).ToString() : char.ConvertFromUtf32(cp);

    /// <summary>
    /// One thread's tokenizer: its buffers, and the terms it has made before. A corpus repeats the same few
    /// hundred thousand bigrams and words, so each is made (and stemmed) once per thread instead of once per occurrence.
    /// </summary>
    private sealed class State
    {
        // Bounds what a long-lived process (serve) keeps; a 10,000-article corpus has fewer distinct terms.
        private const int MaxRemembered = 1 << 20;

        [ThreadStatic]
        private static State? _current;

        private readonly Dictionary<long, string> _bigrams = [];
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stemsBySpan;
        private readonly List<(int Cp, int Start, int End)> _cjk = [];
        private List<SearchToken> _tokens = Detached;
        private char[] _word = new char[64];
        private int _wordLength;
        private bool _command;
        private int _wordStart;
        private int _wordEnd;

        private State() => _stemsBySpan = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Position { get; private set; }

        private static readonly List<SearchToken> Detached = [];

        public static State For(List<SearchToken> tokens, int position)
        {
            var state = _current ??= new State();
            state._tokens = tokens;
            state.Position = position;
            state._cjk.Clear();
            state._wordLength = 0;
            state._command = false;
            return state;
        }

        /// <summary>Lets go of the caller's list, and returns the next free position.</summary>
        public int Detach()
        {
            _tokens = Detached;
            return Position;
        }

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
                if (_wordLength == 0 && !_command)
                {
                    _wordStart = start;
                }

                if (_wordLength + 2 > _word.Length)
                {
                    Array.Resize(ref _word, _word.Length * 2);
                }

                _wordLength += new Rune(cp).EncodeToUtf16(_word.AsSpan(_wordLength));
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
                if (_wordLength > 0)
                {
                    var name = new string(_word, 0, _wordLength);
                    _wordLength = 0;
                    _tokens.Add(new SearchToken("\\" + name, Position, SearchTokenKind.TexCommand, _wordStart, _wordEnd));
                    _tokens.Add(new SearchToken(name, Position, SearchTokenKind.Word, _wordStart, _wordEnd));
                    Position++;
                }

                return;
            }

            if (_wordLength == 0)
            {
                return;
            }

            var word = _word.AsSpan(0, _wordLength);
            _wordLength = 0;
            if (word.Length <= MaxWordLength)
            {
                _tokens.Add(new SearchToken(Stemmed(word), Position, SearchTokenKind.Word, _wordStart, _wordEnd));
            }

            Position++;
        }

        private string Stemmed(ReadOnlySpan<char> word)
        {
            if (_stemsBySpan.TryGetValue(word, out var stem))
            {
                return stem;
            }

            Remembering(_stems);
            var text = word.ToString();
            stem = LightStemmer.Stem(text);
            _stems.Add(text, stem);
            return stem;
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
                _tokens.Add(new SearchToken(Unigram(cp), Position + k, SearchTokenKind.CjkUnigram, start, end));
                if (k + 1 < _cjk.Count)
                {
                    var next = _cjk[k + 1];
                    _tokens.Add(new SearchToken(Bigram(cp, next.Cp), Position + k, SearchTokenKind.CjkBigram, start, next.End));
                }
            }

            Position += _cjk.Count;
            _cjk.Clear();
        }

        private string Bigram(int first, int second)
        {
            var key = ((long)first << 21) | (uint)second;
            if (_bigrams.TryGetValue(key, out var bigram))
            {
                return bigram;
            }

            Remembering(_bigrams);
            bigram = Unigram(first) + Unigram(second);
            _bigrams.Add(key, bigram);
            return bigram;
        }

        private static void Remembering<TKey>(Dictionary<TKey, string> terms)
            where TKey : notnull
        {
            if (terms.Count >= MaxRemembered)
            {
                terms.Clear();
            }
        }
    }
}
