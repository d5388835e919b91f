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

    /// <summary>
    /// Budget of one attempt at a line; past it the tokenizer stops, the line is tried once more (its rules are
    /// compiled by then) and what is still left is written plain. A wall-clock limit: on a loaded machine a
    /// pathological line may come out plain in one build and coloured in the next, so such results are not cached.
    /// </summary>
    public TimeSpan LineTimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Budget of one block, against many slow lines; lines after it is spent are written plain. Generous, because it
    /// is wall-clock too: 1,000 lines of Python took 6 s on this 2-core machine at a load average of 40.
    /// </summary>
    public TimeSpan BlockTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Highlighters (each with its own grammars, which are not thread-safe) in the pool; defaults to the number of cores.</summary>
    public int HighlighterCount { get; init; } = Environment.ProcessorCount;

    /// <summary>Info strings mapped straight to a grammar scope before any other lookup; lets tests name a grammar that fails.</summary>
    internal IReadOnlyDictionary<string, string>? ScopeOverrides { get; init; }
}
