using System.Diagnostics;
using System.Text.RegularExpressions;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Import;

namespace SiteGen.Benchmarks;

/// <summary>
/// Reads a folder of feeds (e.g. from <c>../shared/bench/gen_corpus.py</c>), deduplicates it a few times and
/// prints the median time, the articles found and how many of them hold more than one generated article
/// (each generated article starts with a unique heading word such as <c>Transformer123</c>).
/// Run: <c>dotnet SiteGen.Benchmarks.dll quick-dedup FEEDS_DIR [runs]</c>.
/// </summary>
internal static partial class QuickDedup
{
    public static void Run(string feeds, int runs)
    {
        var read = Stopwatch.StartNew();
        var entries = new ReadFeeds().Read(feeds, new DiagnosticBag()).Entries;
        Console.WriteLine($"{entries.Count} entries read in {read.ElapsedMilliseconds} ms");

        var config = new SiteConfig { DedupThreshold = 0.6 };
        var times = new List<double>();
        var cpu = new List<double>();
        DeduplicatedArticles? result = null;
        var process = Process.GetCurrentProcess();
        for (var run = 0; run < runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = new DeduplicateArticles().Deduplicate(entries, config);
            times.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        times.Sort();
        cpu.Sort();
        var falseMerges = result!.Articles.Count(a => a.Sources.Select(s => Heading(s.Text)).Where(h => h is not null).Distinct().Count() > 1);
        var headings = entries.Select(e => Heading(e.Text)).Where(h => h is not null).Distinct().Count();
        Console.WriteLine(
            $"dedup median {times[times.Count / 2]:F0} ms (runs: {string.Join(", ", times.Select(t => t.ToString("F0")))}), " +
            $"CPU median {cpu[cpu.Count / 2]:F0} ms; " +
            $"{result.Articles.Count} articles for {headings} distinct headings; exact {result.ExactDuplicates}, near {result.NearDuplicates}; " +
            $"articles holding more than one heading: {falseMerges}");
        Console.WriteLine($"near-duplicate work: {NearDuplicateWork(entries, config)}");
    }

    /// <summary>The work counters of the near-duplicate pass (internal to SiteGen, hence reflection).</summary>
    private static object? NearDuplicateWork(IReadOnlyList<FeedEntry> entries, SiteConfig config)
    {
        var assembly = typeof(DeduplicateArticles).Assembly;
        var normalize = assembly.GetType("SiteGen.Import.TextKey")!.GetMethod("Normalize")!;
        var clock = Stopwatch.StartNew();
        var normalized = new string[entries.Count];
        Parallel.For(0, entries.Count, i => normalized[i] = (string)normalize.Invoke(null, [entries[i].Text])!);
        var normalizing = clock.ElapsedMilliseconds;
        var texts = normalized.Distinct(StringComparer.Ordinal).ToArray();
        var find = assembly.GetType("SiteGen.Import.NearDuplicates")!.GetMethod("Find")!;
        object?[] arguments = [texts, config.DedupThreshold, config.ShingleSize, null];
        clock.Restart();
        find.Invoke(null, arguments);
        return $"{arguments[3]} in {clock.ElapsedMilliseconds} ms (normalizing took {normalizing} ms)";
    }

    private static string? Heading(string text) => HeadingWord().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"^\S+ (Transformer|Diffusion|VAE|GAN|LoRA|MoE|RLHF|Flow|Attention|KaTeX)\d+")]
    private static partial Regex HeadingWord();
}
