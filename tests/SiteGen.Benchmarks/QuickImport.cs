using System.Diagnostics;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Import;

namespace SiteGen.Benchmarks;

/// <summary>
/// <c>quick-import DIR [runs]</c>: the Import stage on a seeds folder (e.g. a gen_corpus.py feeds folder, with or
/// without rss_tenth.py's RSS file): reading the feeds, deduplicating, and the whole import into an empty content
/// folder, each timed <c>runs</c> times in one process; prints the medians.
/// </summary>
internal static class QuickImport
{
    public static void Run(string seeds, int runs)
    {
        var read = new List<double>();
        var dedup = new List<double>();
        var whole = new List<double>();
        var config = new SiteConfig { SeedsDir = seeds };
        FeedBatch? batch = null;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            batch = new ReadFeeds().Read(seeds, new DiagnosticBag());
            read.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var articles = new DeduplicateArticles().Deduplicate(batch.Entries, config);
            dedup.Add(watch.Elapsed.TotalMilliseconds);

            var content = Path.Combine(Path.GetTempPath(), "sitegen-quick-import-" + Guid.NewGuid().ToString("N"));
            watch.Restart();
            var result = ImportFeeds.Run(config with { ContentDir = content }, new DiagnosticBag(), TimeProvider.System);
            whole.Add(watch.Elapsed.TotalMilliseconds);
            Directory.Delete(content, recursive: true);
            Console.WriteLine($"run {i + 1}: read {read[^1]:F0} ms, dedup {dedup[^1]:F0} ms ({articles.Articles.Count} articles), import {whole[^1]:F0} ms ({result.Articles} pages)");
        }
        var items = batch!.Entries.Count(e => e.Item is not null);
        Console.WriteLine($"{batch.Entries.Count} entries ({items} feed items) in {batch.Feeds.Count} feeds; medians: read {Median(read):F0} ms, dedup {Median(dedup):F0} ms, whole import {Median(whole):F0} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
