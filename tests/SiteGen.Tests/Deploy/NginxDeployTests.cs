using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SiteGen.Tests.Browser;
using SiteGen.Tests.Publish;

using SiteGen.Tests.Support;

namespace SiteGen.Tests.Deploy;

/// <summary>
/// The fixture site built for <c>http://127.0.0.1:PORT/docs/</c> and served by Debian's nginx under
/// <c>/docs/</c> (as most hosts would put it): a crawler from <c>/docs/</c> follows every internal link and asset.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class NginxDeployTests
{
    private const string NginxPath = "/usr/sbin/nginx";

    [Fact]
    public async Task CrawlerFindsNoBrokenLinkUnderTheSubPath()
    {
        Assert.True(File.Exists(NginxPath), $"{NginxPath} not found: install it with 'bash .ci/install' (or 'apt-get install -y nginx')");
        var port = LoopbackServer.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}/docs/";
        var (site, _) = TestSite.Build(TestSite.ValidContent, baseUrl);
        var work = Path.Combine(Path.GetDirectoryName(site)!, "nginx");
        Directory.CreateDirectory(work);
        var config = Path.Combine(work, "nginx.conf");
        File.WriteAllText(config, $$"""
            daemon off;
            worker_processes 1;
            pid {{work}}/nginx.pid;
            error_log {{work}}/error.log warn;
            events { worker_connections 64; }
            http {
              include /etc/nginx/mime.types;
              access_log {{work}}/access.log;
              client_body_temp_path {{work}}/body;
              proxy_temp_path {{work}}/proxy;
              fastcgi_temp_path {{work}}/fastcgi;
              uwsgi_temp_path {{work}}/uwsgi;
              scgi_temp_path {{work}}/scgi;
              server {
                listen 127.0.0.1:{{port}};
                location /docs/ {
                  alias {{site}}/;
                  index index.html;
                  error_page 404 /docs/404.html;
                }
              }
            }
            """);

        using var nginx = Process.Start(new ProcessStartInfo(NginxPath, $"-p {work} -c {config}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilUp(http, baseUrl, nginx, work);
            var (visited, broken) = await Crawl(http, new Uri(baseUrl));
            Assert.True(broken.Count == 0, "broken:\n" + string.Join("\n", broken));
            Assert.Contains(visited, u => u.AbsolutePath == "/docs/articles/normalizing-flow/");
            Assert.Contains(visited, u => u.AbsolutePath == "/docs/assets/site.css");
            Assert.Contains(visited, u => u.AbsolutePath == "/docs/tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B/");

            // Any unknown URL, however deep, gets the 404 page, whose links and assets still resolve.
            var missing = await http.GetAsync(baseUrl + "no/such/page/");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var notFoundHtml = await missing.Content.ReadAsStringAsync();
            Assert.Contains("页面不存在", notFoundHtml);
            var (_, brokenFrom404) = await Crawl(http, new Uri(baseUrl + "no/such/page/"), followFirstEvenIf404: true, maxPages: 1);
            Assert.True(brokenFrom404.Count == 0, "broken from the 404 page:\n" + string.Join("\n", brokenFrom404));
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilUp(HttpClient http, string url, Process nginx, string work)
    {
        for (var i = 0; i < 100; i++)
        {
            if (nginx.HasExited)
            {
                throw new InvalidOperationException($"nginx exited ({nginx.ExitCode}): {await nginx.StandardError.ReadToEndAsync()} {ReadLog(work)}");
            }

            try
            {
                await http.GetAsync(url);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not answer within 10 s: " + ReadLog(work));
    }

    private static string ReadLog(string work) =>
        File.Exists(Path.Combine(work, "error.log")) ? File.ReadAllText(Path.Combine(work, "error.log")) : "";

    /// <summary>Breadth-first over same-origin URLs below the start's folder: HTML href/src and CSS url().</summary>
    private static async Task<(List<Uri> Visited, List<string> Broken)> Crawl(
        HttpClient http, Uri start, bool followFirstEvenIf404 = false, int maxPages = 500)
    {
        var scope = new Uri(start.GetLeftPart(UriPartial.Authority) + "/docs/");
        var queue = new Queue<(Uri Url, string From)>([(start, "(start)")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(start) };
        var visited = new List<Uri>();
        var broken = new List<string>();
        var parser = new HtmlParser();
        while (queue.Count > 0 && visited.Count < maxPages)
        {
            var (url, from) = queue.Dequeue();
            using var response = await http.GetAsync(url);
            visited.Add(url);
            var isStart = visited.Count == 1;
            if (!response.IsSuccessStatusCode && !(isStart && followFirstEvenIf404))
            {
                broken.Add($"{(int)response.StatusCode} {url} (linked from {from})");
                continue;
            }

            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            var body = await response.Content.ReadAsStringAsync();
            IEnumerable<string> links = type switch
            {
                "text/html" => parser.ParseDocument(body).QuerySelectorAll("[href], [src]")
                    .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!),
                "text/css" => CssUrl().Matches(body).Select(m => m.Groups[2].Value),
                _ => [],
            };
            foreach (var link in links)
            {
                if (!Uri.TryCreate(url, link, out var target) || target.Scheme is not ("http" or "https")
                    || target.Authority != scope.Authority)
                {
                    continue;
                }

                if (!target.AbsolutePath.StartsWith(scope.AbsolutePath, StringComparison.Ordinal))
                {
                    broken.Add($"outside /docs/: {target} (linked from {url})");
                    continue;
                }

                if (seen.Add(Key(target)))
                {
                    queue.Enqueue((new Uri(target.GetLeftPart(UriPartial.Query)), url.ToString()));
                }
            }
        }

        return (visited, broken);
    }

    private static string Key(Uri uri) => uri.GetLeftPart(UriPartial.Query);

    [GeneratedRegex("""url\(\s*(['"]?)([^'")]+)\1\s*\)""")]
    private static partial Regex CssUrl();
}
