namespace SiteGen.Highlighting;

/// <summary>
/// One highlighted block: the inner HTML of its <c>&lt;code&gt;</c> element (escaped text in classed spans, one
/// line per <c>\n</c>), or, when highlighting failed, null with the reason in <see cref="Error"/>.
/// </summary>
/// <param name="Complete">False when a line hit a time limit and part of it is plain; such results are not stored on disk.</param>
public sealed record HighlightedCode(string? Html, string? Error, bool Complete, bool FromCache)
{
    public static HighlightedCode Failure(string error) => new(null, error, Complete: false, FromCache: false);
}

/// <summary>What a fence's info string names: nothing to highlight, an unknown language, or a grammar's scope.</summary>
public readonly record struct CodeLanguage(CodeLanguageKind Kind, string Name, string? Scope)
{
    public static CodeLanguage Plain(string name) => new(CodeLanguageKind.Plain, name, null);

    public static CodeLanguage Unknown(string name) => new(CodeLanguageKind.Unknown, name, null);
}

/// <summary>How a fence's language resolved.</summary>
public enum CodeLanguageKind
{
    /// <summary>No language, or <c>text</c>/<c>plain</c>: written as Markdig writes it.</summary>
    Plain,

    /// <summary>A name no bundled grammar has: written as Markdig writes it, with a warning.</summary>
    Unknown,

    /// <summary>A grammar exists for it.</summary>
    Known,
}
