namespace SiteGen.Highlighting;

/// <summary>
/// What a <see cref="CodeHighlighter"/> highlights with: the light and dark TextMate theme names (from
/// <c>sitegen.yml</c>), the folder of the persistent cache (null for none), and the bounds that keep one
/// pathological block from stalling a build.
/// </summary>
public sealed record HighlightSettings(string LightTheme, string DarkTheme, string? CacheDirectory)
{
    /// <summary>Light+ and Dark+, no disk cache.</summary>
    public static HighlightSettings Default { get; } = new("LightPlus", "DarkPlus", null);

    /// <summary>Lines longer than this (minified code, data) are written plain: TextMate grammars slow down badly on them.</summary>
    public int MaxLineLength { get; init; } = 1_000;

    /// <summary>Budget of one line; the tokenizer stops there and the rest of the line is written plain.</summary>
    public TimeSpan LineTimeLimit { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Budget of one block; lines after it is spent are written plain.</summary>
    public TimeSpan BlockTimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Highlighters (each with its own grammars, which are not thread-safe) in the pool; defaults to the number of cores.</summary>
    public int HighlighterCount { get; init; } = Environment.ProcessorCount;

    /// <summary>Info strings mapped straight to a grammar scope before any other lookup; lets tests name a grammar that fails.</summary>
    internal IReadOnlyDictionary<string, string>? ScopeOverrides { get; init; }
}
