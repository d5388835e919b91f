using BenchmarkDotNet.Attributes;
using SiteGen.Build;
using SiteGen.Config;

namespace SiteGen.Benchmarks;

/// <summary>
/// What <c>sitegen serve</c> does after one page is saved: a rebuild with a warm <see cref="BuildSession"/>
/// (templates compiled, other pages' bodies and formulas cached). Cold full builds for comparison.
/// </summary>
[MemoryDiagnoser]
public class RebuildBenchmarks
{
    private string _dir = "";
    private SiteConfig _config = new();
    private BuildSession _cache = new();
    private string _editedPage = "";
    private int _edit;

    [Params(47, 10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"sitegen-bench-{Articles}");
        _config = SyntheticSite.Create(_dir, Articles);
        _editedPage = Path.Combine(_config.ContentDir, "synthetic-000003.md");
        _cache = new BuildSession();
        new SiteBuilder(TimeProvider.System).Build(_config, _cache);
    }

    [IterationSetup(Target = nameof(RebuildAfterOneEdit))]
    public void EditOnePage() => File.AppendAllText(_editedPage, $"\n新增的一段 {_edit++}。\n");

    [Benchmark]
    public bool RebuildAfterOneEdit() => new SiteBuilder(TimeProvider.System).Build(_config, _cache).Succeeded;

    [Benchmark]
    public bool ColdBuild() => new SiteBuilder(TimeProvider.System).Build(_config).Succeeded;

    [GlobalCleanup]
    public void Cleanup()
    {
        _cache.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
