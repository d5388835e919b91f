using System.Diagnostics;
using SiteGen.Config;
using SiteGen.Serve;

namespace SiteGen.Benchmarks;

/// <summary>
/// End to end, as a writer sees it: <c>sitegen serve</c> on a synthetic site, one page saved, HTTP polled
/// (every 5 ms) until the new text is served. Run: <c>… -- quick-serve 10000 8</c>.
/// </summary>
internal static class QuickServe
{
    public static async Task Run(int articles, int passes)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitegen-quick-serve-{articles}");
        var config = SyntheticSite.Create(dir, articles);
        var session = new ServeSession(() => config, "127.0.0.1", 0, TextWriter.Null);
        var clock = Stopwatch.StartNew();
        await session.StartAsync(CancellationToken.None);
        Console.WriteLine($"{articles} articles served after {clock.ElapsedMilliseconds} ms");
        using var http = new HttpClient();
        var edited = Path.Combine(config.ContentDir, "synthetic-000003.md");
        var original = await File.ReadAllTextAsync(edited);
        var times = new List<long>();
        for (var pass = 1; pass <= passes; pass++)
        {
            await Task.Delay(500);
            var marker = $"第 {pass} 次保存";
            await File.WriteAllTextAsync(edited, original + $"\n{marker}的新段落。\n");
            clock.Restart();
            while (!(await http.GetStringAsync(session.Url + "articles/synthetic-000003/")).Contains(marker, StringComparison.Ordinal))
            {
                await Task.Delay(5);
            }

            times.Add(clock.ElapsedMilliseconds);
            Console.WriteLine($"pass {pass}: save → served {clock.ElapsedMilliseconds} ms");
        }

        times.Sort();
        Console.WriteLine($"save → served: best {times[0]} ms, median {times[times.Count / 2]} ms, worst {times[^1]} ms");
        await session.StopAsync();
        Directory.Delete(dir, recursive: true);
    }
}
