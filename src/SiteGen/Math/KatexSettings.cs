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

    /// <summary>Bytes one render may allocate on its engine thread (checked every 64 JavaScript statements).</summary>
    public long MaxMemoryBytes { get; init; } = 1L << 30;

    /// <summary>Engines (and threads) in the pool; defaults to the number of cores.</summary>
    public int EngineCount { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Stack size of each engine thread, which is also the nesting limit: deep TeX nesting becomes deep .NET
    /// recursion inside Jint, and Jint's stack guard stops it with an error before the stack runs out. 8 MiB
    /// renders about 1,100 nested groups and fails 5,000 in a fraction of a second (docs/math.md).
    /// </summary>
    public int ThreadStackBytes { get; init; } = 8 * 1024 * 1024;
}
