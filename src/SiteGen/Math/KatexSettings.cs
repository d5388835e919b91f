namespace SiteGen.Mathematics;

/// <summary>
/// What a <see cref="KatexRenderer"/> renders with: KaTeX options and macros from <c>sitegen.yml</c>
/// (SiteGen itself sets only <c>displayMode</c>, <c>throwOnError: false</c> and <c>trust: false</c>),
/// the folder of the persistent formula cache (null for none), and the per-render safety limits.
/// </summary>
public sealed record KatexSettings(
    IReadOnlyDictionary<string, object?> Options,
    IReadOnlyDictionary<string, string> Macros,
    string? CacheDirectory)
{
    /// <summary>KaTeX's defaults, no macros, no disk cache.</summary>
    public static KatexSettings Default { get; } =
        new(new Dictionary<string, object?>(), new Dictionary<string, string>(), null);

    /// <summary>Wall-clock budget of one render; past it the formula falls back to escaped source.</summary>
    public TimeSpan RenderTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>JavaScript statements one render may execute.</summary>
    public int MaxStatements { get; init; } = 20_000_000;

    /// <summary>JavaScript call depth one render may reach (KaTeX recurses once per nesting level, several frames deep).</summary>
    public int MaxRecursion { get; init; } = 2_000;

    /// <summary>Bytes one render may allocate on its engine thread.</summary>
    public long MaxMemoryBytes { get; init; } = 1L << 30;

    /// <summary>Engines (and threads) in the pool; defaults to the number of cores.</summary>
    public int EngineCount { get; init; } = Environment.ProcessorCount;

    /// <summary>Stack size of each engine thread: deep TeX nesting becomes deep .NET recursion inside Jint.</summary>
    public int ThreadStackBytes { get; init; } = 64 * 1024 * 1024;
}
