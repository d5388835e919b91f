using BenchmarkDotNet.Attributes;
using SiteGen.Mathematics;

namespace SiteGen.Benchmarks;

/// <summary>
/// KaTeX in Jint: pool start and distinct-formula throughput (no cache, every formula rendered).
/// Run: <c>dotnet run -c Release --project tests/SiteGen.Benchmarks -- --filter '*Katex*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class KatexBenchmarks
{
    private IReadOnlyList<(string Tex, bool Display)> _formulas = [];
    private KatexRenderer? _warm;

    [GlobalSetup]
    public void Setup() => _formulas = BenchmarkFormulas.Load();

    /// <summary>New pool, all engines built (KaTeX already parsed: that happens once per process).</summary>
    [Benchmark]
    public string PoolStartAndFirstFormula()
    {
        using var katex = new KatexRenderer(KatexSettings.Default);
        katex.Warm();
        return katex.Render("x^2", false).Html;
    }

    [IterationSetup(Target = nameof(AllDistinctFormulas))]
    public void StartPool()
    {
        _warm = new KatexRenderer(KatexSettings.Default);
        _warm.Warm();
        _warm.Render("x", false);
    }

    [IterationCleanup(Target = nameof(AllDistinctFormulas))]
    public void StopPool() => _warm?.Dispose();

    /// <summary>Every distinct formula once, spread over the pool (divide the count by the time for formulas/s).</summary>
    [Benchmark]
    public int AllDistinctFormulas()
    {
        var katex = _warm!;
        var length = 0;
        Parallel.ForEach(_formulas, f => Interlocked.Add(ref length, katex.Render(f.Tex, f.Display).Html.Length));
        return length;
    }
}
