namespace SiteGen.Search;

/// <summary>One rendered page to index: its site-relative URL (no leading slash), title, article body HTML and tags.</summary>
public sealed record SearchDocument(string Url, string Title, string BodyHtml, IReadOnlyList<string> Tags);

/// <summary>What <see cref="BuildSearchIndex"/> wrote: documents, distinct terms, term shards and bytes under <c>search/</c>.</summary>
public sealed record SearchIndexResult(int Documents, int Terms, int Shards, long TotalBytes);
