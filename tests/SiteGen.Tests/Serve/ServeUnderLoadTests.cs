using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace SiteGen.Tests.Serve;

/// <summary>
/// The live preview under load: while a rebuild rewrites the served files (in place for a content edit, a whole
/// folder swap for a theme change), batches of 200 concurrent requests are each answered 200 OK with the
/// complete old file or the complete new one, never part of one, never an error.
/// </summary>
[Collection("Processes")]
public sealed class ServeUnderLoadTests(ITestOutputHelper output)
{
    private const int Concurrent = 200;
    private const int MaxBatchesPerRebuild = 40;

    private static string BigPage(string marker)
    {
        var body = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            body.Append($"第 {i} 段，{marker}：扩散模型把数据逐步加噪，再学习逐步去噪，公式写在构建时。\n\n");
        }

        return $"---\ntitle: 大页面\nslug: big\ndate: 2026-11-20\n---\n{body}";
    }

    [Fact]
    public async Task ConcurrentRequestsDuringRebuildsGetTheWholeOldOrNewFile()
    {
        await using var site = await ServedSite.StartAsync(("content/big.md", BigPage("版本0")), ("content/small.md", "---\ntitle: 小页面\nslug: small\n---\n正文。\n"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrent }) { Timeout = TimeSpan.FromSeconds(60) };
        string[] paths = ["articles/big/", "", "assets/site.css"];
        var totals = new Dictionary<string, int> { ["old"] = 0, ["new"] = 0 };

        for (var round = 1; round <= 4; round++)
        {
            var before = await FetchAllAsync(http, site, paths);
            var rebuilds = site.Session.Rebuilds;
            var full = round % 2 == 0;
            if (full)
            {
                // A theme change rebuilds everything into a staging folder and swaps it in.
                await File.AppendAllTextAsync(site.Dir.Combine("templates", "assets", "site.css"), $"\n/* round {round} */\n");
            }
            else
            {
                // Saved as editors save (a new file renamed over the old): a watcher that fires mid-write would
                // otherwise build from a half-written page, a third complete site that is neither old nor new.
                var saved = site.Dir.Combine("content", ".big.md.tmp");
                await File.WriteAllTextAsync(saved, BigPage($"版本{round}"));
                File.Move(saved, site.Dir.Combine("content", "big.md"), overwrite: true);
            }

            var answers = new List<(string Path, HttpStatusCode Status, string Body)>();
            for (var batch = 0; batch < MaxBatchesPerRebuild && site.Session.Rebuilds == rebuilds; batch++)
            {
                answers.AddRange(await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i => GetAsync(http, site, paths[i % paths.Length]))));
            }

            for (var wait = 0; wait < 200 && site.Session.Rebuilds == rebuilds; wait++)
            {
                await Task.Delay(50);
            }

            Assert.True(site.Session.Rebuilds > rebuilds, $"round {round}: no rebuild happened. Log:\n{site.Log}");
            var after = await FetchAllAsync(http, site, paths);
            Assert.NotEqual(before[full ? "assets/site.css" : "articles/big/"], after[full ? "assets/site.css" : "articles/big/"]);
            foreach (var (path, status, body) in answers)
            {
                Assert.Equal(HttpStatusCode.OK, status);
                var isOld = body == before[path];
                Assert.True(isOld || body == after[path], $"round {round}: {path} answered {body.Length} chars, neither the old ({before[path].Length}) nor the new ({after[path].Length}) file");
                totals[isOld ? "old" : "new"]++;
            }

            output.WriteLine($"round {round} ({(full ? "full swap" : "in place")}): {answers.Count} answers during the rebuild, " +
                $"{answers.Count(a => a.Body == before[a.Path] && before[a.Path] != after[a.Path])} old, {answers.Count(a => a.Body == after[a.Path] && before[a.Path] != after[a.Path])} new (of files that changed)");
        }

        output.WriteLine($"all rounds: {totals["old"]} answers equal to the old file, {totals["new"]} to the new one");
    }

    private static async Task<Dictionary<string, string>> FetchAllAsync(HttpClient http, ServedSite site, string[] paths)
    {
        var result = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            var (_, status, body) = await GetAsync(http, site, path);
            Assert.Equal(HttpStatusCode.OK, status);
            result[path] = body;
        }

        return result;
    }

    private static async Task<(string Path, HttpStatusCode Status, string Body)> GetAsync(HttpClient http, ServedSite site, string path)
    {
        using var response = await http.GetAsync(site.Session.Url + path);
        return (path, response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
