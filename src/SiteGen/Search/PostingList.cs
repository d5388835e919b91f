namespace SiteGen.Search;

/// <summary>
/// One term's postings, encoded as documents arrive in id order:
/// per document <c>gap, flags, count, positions…</c> (gap = id − previous id − 1, positions delta-coded).
/// </summary>
internal sealed class PostingList
{
    private int _last = -1;

    public PostingList()
    {
    }

    /// <summary>A list as an earlier merge left it: its text, its last document and how many documents it has.</summary>
    public PostingList(byte[] text, int lastDocument, int documentCount)
    {
        Text = new AsciiBuffer(text);
        _last = lastDocument;
        DocumentCount = documentCount;
    }

    public AsciiBuffer Text { get; } = new();

    public int DocumentCount { get; private set; }

    public int LastDocument => _last;

    public void Add(int doc, int flags, int[] positions)
    {
        PostingCodec.Write(Text, doc - _last - 1);
        PostingCodec.Write(Text, flags);
        PostingCodec.Write(Text, positions.Length);
        var previous = 0;
        foreach (var p in positions)
        {
            PostingCodec.Write(Text, p - previous);
            previous = p;
        }

        _last = doc;
        DocumentCount++;
    }
}
