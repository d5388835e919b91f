namespace SiteGen.Search;

/// <summary>One rendered page to index: its site-relative URL (no leading slash), title, article body HTML and tags.</summary>
public sealed record SearchDocument(string Url, string Title, string BodyHtml, IReadOnlyList<string> Tags)
{
    /// <summary>
    /// The body's text blocks when the caller already extracted them from its one parse of the body
    /// (<see cref="SearchTextExtractor.Extract(AngleSharp.Dom.IElement)"/>); then <see cref="BodyHtml"/> is not read.
    /// </summary>
    public IReadOnlyList<ExtractedBlock>? Blocks { get; init; }

    /// <summary>
    /// What identifies <see cref="Blocks"/> when the caller knows it more cheaply than their text (the hash of the body
    /// they were extracted from, under one version of the extractor); a kept analysis is then found by it.
    /// </summary>
    public string? BlocksKey { get; init; }

    /// <summary>
    /// Reads the blocks when they are needed, with <see cref="BlocksLength"/> and <see cref="BlocksKey"/> given instead of
    /// <see cref="Blocks"/>: an index made from kept analyses then reads only the blocks of documents it analyses again.
    /// </summary>
    public Func<IReadOnlyList<ExtractedBlock>>? LoadBlocks { get; init; }

    /// <summary>The characters of all the blocks (the document's length), with <see cref="LoadBlocks"/>.</summary>
    public int? BlocksLength { get; init; }
}

/// <summary>What <see cref="BuildSearchIndex"/> wrote: documents, distinct terms, term shards and bytes under <c>search/</c>.</summary>
public sealed record SearchIndexResult(int Documents, int Terms, int Shards, long TotalBytes);
