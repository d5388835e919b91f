using System.Diagnostics;
using System.Globalization;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Publish;
using SiteGen.Templates;

namespace SiteGen.Benchmarks;

/// <summary>
/// <c>quick-write N passes</c>: plans a site of N hand-made articles (no Markdown, no math) with the built-in
/// theme and renders every file, in parallel as the build does, <paramref name="passes"/> times in one process;
/// prints each pass (the first includes JIT) and the median of the rest. Rendering only: nothing is written.
/// </summary>
public static class QuickWrite
{
    public static void Run(int articles, int passes)
    {
        var config = new SiteGen.Config.SiteConfig { Title = "合成", BaseUrl = "https://example.org/" };
        var tags = new[] { "生成模型", "大语言模型", "微调", "强化学习", "优化", "概率" };
        var body = string.Concat(Enumerable.Repeat("<p>扩散模型把数据逐步加噪，再学习逐步去噪，生成模型由此得到高质量的样本。</p>\n", 12));
        var pages = Enumerable.Range(0, articles).Select(i => new RenderedPage(
            new Page($"content/a{i}.md", $"a{i}", $"文章 {i}", $"a{i}", new DateOnly(2026, 1 + i % 12, 1 + i % 28),
                [tags[i % tags.Length], tags[i / 7 % tags.Length]], [new PageSource("feed.txt", i + 3)], i % 5 == 0, null, body, 1),
            body, [], false, body)).ToList();
        var site = SiteModel.From(pages);
        var related = site.Articles.Select(a => (IReadOnlyList<ArticleEntry>)site.Articles.Skip((a.Index + 1) % articles).Take(5).ToList()).ToArray();
        var templates = TemplateSet.Load(Path.Combine(SyntheticSite.RepoRoot(), "templates"), new DiagnosticBag());
        var times = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            var watch = Stopwatch.StartNew();
            var plan = new WriteSite(config, templates).Plan(site, related);
            var planned = watch.Elapsed.TotalMilliseconds;
            long bytes = 0;
            Parallel.ForEach(plan, file => Interlocked.Add(ref bytes, file.Render().Length));
            var total = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass + 1}: {plan.Count} files, plan {planned:F0} ms, plan+render {total:F0} ms, {bytes / 1024 / 1024} MiB of text"));
            if (pass > 0)
            {
                times.Add(total);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of passes 2..{passes}: {times[times.Count / 2]:F0} ms"));
    }
}
