namespace SiteGen.Import.Syndication;

/// <summary>What one piece of a paragraph is; see <see cref="Paragraph"/>.</summary>
internal enum PieceKind
{
    Text,
    Space,
    Break,
    Open,
    Close,
    LinkOpen,
    LinkClose,
    Code,
    Math,
    Url,
    Image,
    Placeholder,
}

/// <summary>One piece of inline content: raw text, a delimiter, or an atom already written as Markdown.</summary>
/// <param name="Value">Raw text (Text), destination (LinkClose, Url), Markdown (Code, Image), TeX (Math), label (Placeholder).</param>
/// <param name="Plain">What the piece contributes to the item's reduced text.</param>
/// <param name="Strong">For Open/Close: <c>**</c> rather than <c>*</c>.</param>
internal readonly record struct Piece(PieceKind Kind, string Value = "", string Plain = "", bool Strong = false);

/// <summary>
/// The inline content of one paragraph, heading or table cell, collected while walking the HTML and written as
/// Markdown by <see cref="ParagraphWriter"/>. Tracks which emphasis and links are open, so nested <c>&lt;b&gt;</c>
/// does not double its delimiters and display math inside a link stays inline.
/// </summary>
internal sealed class Paragraph
{
    private readonly List<Piece> _pieces = [];
    private int _strong;
    private int _emphasis;
    private int _links;

    public IReadOnlyList<Piece> Pieces => _pieces;

    /// <summary>Emphasis or a link is open: block content (display math) must stay inline here.</summary>
    public bool InsideInline => _strong + _emphasis + _links > 0;

    public bool InsideLink => _links > 0;

    public bool IsEmpty => _pieces.TrueForAll(p => p.Kind is PieceKind.Space or PieceKind.Break or PieceKind.Open or PieceKind.Close);

    /// <summary>Text as HTML shows it: every run of ASCII whitespace is one space.</summary>
    public void Text(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsHtmlSpace(text[i]))
            {
                continue;
            }
            if (i > start)
            {
                var run = text[start..i];
                _pieces.Add(new Piece(PieceKind.Text, run, run));
            }
            if (i < text.Length)
            {
                Space();
            }
            start = i + 1;
        }
    }

    public void Space()
    {
        if (_pieces.Count == 0 || _pieces[^1].Kind != PieceKind.Space)
        {
            _pieces.Add(new Piece(PieceKind.Space, Plain: " "));
        }
    }

    public void Break() => _pieces.Add(new Piece(PieceKind.Break, Plain: "\n"));

    public void Math(string tex, bool display) =>
        _pieces.Add(new Piece(PieceKind.Math, tex, display ? $"\\[{tex}\\]" : $"\\({tex}\\)"));

    public void Url(string url) => _pieces.Add(new Piece(PieceKind.Url, url, url));

    public void Placeholder(string label) => _pieces.Add(new Piece(PieceKind.Placeholder, label, label));

    public void Code(string markdown, string plain) => _pieces.Add(new Piece(PieceKind.Code, markdown, plain));

    public void Image(string markdown, string alt) => _pieces.Add(new Piece(PieceKind.Image, markdown, alt));

    /// <summary>Opens emphasis unless the same kind is already open (returns whether a delimiter was written).</summary>
    public bool Open(bool strong)
    {
        if (strong ? _strong > 0 : _emphasis > 0)
        {
            return false;
        }
        _ = strong ? _strong++ : _emphasis++;
        _pieces.Add(new Piece(PieceKind.Open, Strong: strong));
        return true;
    }

    public void Close(bool strong)
    {
        _ = strong ? _strong-- : _emphasis--;
        _pieces.Add(new Piece(PieceKind.Close, Strong: strong));
    }

    public void OpenLink()
    {
        _links++;
        _pieces.Add(new Piece(PieceKind.LinkOpen));
    }

    public void CloseLink(string destination)
    {
        _links--;
        _pieces.Add(new Piece(PieceKind.LinkClose, destination));
    }

    /// <summary>Every piece as one line: hard breaks become spaces (headings and table cells).</summary>
    public void Flatten()
    {
        for (var i = 0; i < _pieces.Count; i++)
        {
            if (_pieces[i].Kind == PieceKind.Break)
            {
                _pieces[i] = new Piece(PieceKind.Space, Plain: " ");
            }
        }
    }

    public void Clear() => _pieces.Clear();

    internal static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
