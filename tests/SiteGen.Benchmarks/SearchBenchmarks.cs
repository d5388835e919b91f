using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using SiteGen.Search;
using SiteGen.Tests.Search;

namespace SiteGen.Benchmarks;

/// <summary>
/// Search index build time for the seeds and a synthetic 10,000-article corpus.
/// Run: <c>dotnet run -c Release --project tests/SiteGen.Benchmarks -- --filter '*SearchBenchmarks*'</c>.
/// Each benchmark runs in its own process, so the peak working set printed at cleanup is the build's.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SearchBenchmarks
{
    private IReadOnlyList<SearchDocument> _documents = [];
    private string _site = "";
    private SearchIndexResult? _last;

    [Params(0, 10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _documents = Articles == 0 ? SeedCorpus.Seeds() : SeedCorpus.Synthetic(Articles);
        _site = Path.Combine(Path.GetTempPath(), $"sitegen-search-bench-{Articles}-{Environment.ProcessId}");
    }

    [Benchmark]
    public SearchIndexResult BuildIndex() => _last = new BuildSearchIndex().Run(_documents, _site);

    /// <summary>
    /// <c>search-index N [DIR|-] [RUNS]</c>: writes the index of N synthetic articles (0: the seeds) into DIR, or a temporary
    /// folder it deletes, and prints the build's wall and CPU time; with DIR, the index stays for a browser or
    /// <c>node</c> to query (search/ only: no pages).
    /// </summary>
    public static void WriteIndex(int articles, string? dir, int runs = 1)
    {
        var documents = articles == 0 ? SeedCorpus.Seeds() : SeedCorpus.Synthetic(articles);
        var site = dir ?? Path.Combine(Path.GetTempPath(), $"sitegen-search-index-{Environment.ProcessId}");
        using var process = Process.GetCurrentProcess();
        for (var run = 1; run <= runs; run++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = new BuildSearchIndex().Run(documents, site);
            watch.Stop();
            process.Refresh();
            Console.WriteLine($"run {run}: search index of {documents.Count} documents: {watch.ElapsedMilliseconds} ms wall, " +
                              $"{(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU; {result}");
        }

        if (dir is null)
        {
            Directory.Delete(site, recursive: true);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// search index ({(Articles == 0 ? "seeds" : Articles + " articles")}): {_last}, " +
                          $"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        if (Directory.Exists(_site))
        {
            Directory.Delete(_site, recursive: true);
        }
    }
}
