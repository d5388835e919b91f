using System.Diagnostics;
using SiteGen.Mathematics;

namespace SiteGen.Benchmarks;

/// <summary>
/// A steady render loop on one warm engine, for a sampling profiler
/// (<c>dotnet-trace collect -- dotnet SiteGen.Benchmarks.dll profile-math 20</c>).
/// Each pass appends spaces (ignored by TeX) so the memo never answers.
/// </summary>
internal static class MathProfileLoop
{
    public static void Run(int seconds)
    {
        var formulas = BenchmarkFormulas.Load();
        using var ticks = Environment.GetEnvironmentVariable("SITEGEN_ALLOC_TICKS") is null ? null : new MathAllocationTicks();
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1 });
        var clock = Stopwatch.StartNew();
        for (var pass = 0; clock.Elapsed.TotalSeconds < seconds; pass++)
        {
            var lap = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (gcs, bytes) = (GC.CollectionCount(0), GC.GetTotalAllocatedBytes());
            var suffix = new string(' ', pass);
            foreach (var (tex, display) in formulas)
            {
                katex.Render(tex + suffix, display);
            }

            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(
                $"pass {pass}: {formulas.Count / lap.Elapsed.TotalSeconds:F0} formulas/s wall, {formulas.Count / cpuSeconds:F0} per CPU-second; " +
                $"{GC.CollectionCount(0) - gcs} GCs, {(GC.GetTotalAllocatedBytes() - bytes) / formulas.Count / 1024} KiB/formula");
        }

        foreach (var (type, bytes) in ticks?.Top(25) ?? [])
        {
            Console.WriteLine($"{bytes / 1_000_000,8} MB  {type}");
        }
    }
}
