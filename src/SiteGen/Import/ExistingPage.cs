namespace SiteGen.Import;

/// <summary>A page already in <c>content/</c>, as far as the importer cares.</summary>
/// <param name="Path">Path for diagnostics, e.g. <c>content/normalizing-flow.md</c>.</param>
/// <param name="FullPath">Where the file is on disk.</param>
/// <param name="Slug">File name without <c>.md</c>: it never changes once written.</param>
/// <param name="Id">Front matter <c>id</c>, or null when absent or unreadable.</param>
/// <param name="Date">Front matter <c>date</c> (first import), or null.</param>
/// <param name="SourceHash">Front matter <c>source_hash</c>: which versions the page was generated from.</param>
/// <param name="Intact">The page still matches its <c>generated</c> seal (nobody edited it).</param>
/// <param name="Text">The file's text.</param>
internal sealed record ExistingPage(
    string Path,
    string FullPath,
    string Slug,
    string? Id,
    string? Date,
    string? SourceHash,
    bool Intact,
    string Text);
