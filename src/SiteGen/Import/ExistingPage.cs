namespace SiteGen.Import;

/// <summary>A page already in <c>content/</c>, as far as the importer cares.</summary>
/// <param name="Path">Path for diagnostics, e.g. <c>content/normalizing-flow.md</c>.</param>
/// <param name="FullPath">Where the file is on disk.</param>
/// <param name="Slug">File name without <c>.md</c>: it never changes once written.</param>
/// <param name="Id">Front matter <c>id</c>, or null when absent; read leniently from its line when the front matter is broken.</param>
/// <param name="Date">Front matter <c>date</c> (first import), or null.</param>
/// <param name="SourceHash">Front matter <c>source_hash</c>: which versions the page was generated from.</param>
/// <param name="Seal">The page's <c>generated</c> seal when its content still matches it (nobody edited it), else null.</param>
/// <param name="Text">The file's text, or null when the file cannot be read at all.</param>
/// <param name="Damage">Why the front matter cannot be read, or null when it can (or the page has none).</param>
internal sealed record ExistingPage(
    string Path,
    string FullPath,
    string Slug,
    string? Id,
    string? Date,
    string? SourceHash,
    string? Seal,
    string? Text,
    PageDamage? Damage = null)
{
    /// <summary>The page still matches its seal: nobody edited it.</summary>
    public bool Intact => Seal is not null;

    /// <summary>Holds nothing a person wrote (an empty file, e.g. a write cut short by power loss): safe to regenerate.</summary>
    public bool IsBlank => Text is not null && string.IsNullOrWhiteSpace(Text);

    /// <summary>
    /// Known from an earlier read of the same bytes (<see cref="IPageRenderMemo.FindPage"/>), so <see cref="Text"/> was not
    /// read: an intact generated page, never blank, that <see cref="CurrentText"/> reads when it is needed.
    /// </summary>
    public bool Remembered { get; init; }

    /// <summary>The file's text: as read, or read now for a remembered page (null when it cannot be read).</summary>
    public string? CurrentText()
    {
        if (Text is not null || !Remembered)
        {
            return Text;
        }

        try
        {
            return Common.Utf8Text.Decode(File.ReadAllBytes(FullPath), out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Where and why a page's front matter cannot be read; the line and column are the file's.</summary>
internal sealed record PageDamage(int Line, int Column, string Message);
