using System.Diagnostics;
using SiteGen.Mathematics;

namespace SiteGen.Benchmarks;

/// <summary>
/// The nesting limit per engine stack size: the deepest <c>{…{x}…}</c> that still renders, and how long 5,000 and
/// 50,000 levels take to fail. Run: <c>dotnet SiteGen.Benchmarks.dll quick-nesting</c>.
/// </summary>
internal static class QuickNesting
{
    public static void Run()
    {
        foreach (var mb in new[] { 4, 8, 16, 64 })
        {
            using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1, ThreadStackBytes = mb << 20, RenderTimeout = TimeSpan.FromMinutes(5) });
            katex.Render("x", false);
            var (lo, hi) = (1, 20000);
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                var r = katex.Render(new string('{', mid) + "x" + new string('}', mid), false);
                (lo, hi) = r.IsFallback ? (lo, mid - 1) : (mid, hi);
            }
            var clock = Stopwatch.StartNew();
            var fail = katex.Render(new string('{', 5001) + "y" + new string('}', 5001), false);
            var t5000 = clock.ElapsedMilliseconds;
            clock.Restart();
            var failDeeper = katex.Render(new string('{', 50001) + "y" + new string('}', 50001), false);
            Console.WriteLine($"{mb} MB: deepest nesting that renders {lo}; 5000 fails in {t5000} ms ({fail.Error}); 50000 in {clock.ElapsedMilliseconds} ms ({failDeeper.Error})");
        }
    }
}
