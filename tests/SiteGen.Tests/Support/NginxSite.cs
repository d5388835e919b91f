using System.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>
/// Debian's nginx serving a built site under <c>/docs/</c> on a loopback port, as most hosts would put it
/// (<c>alias</c>, folder index, the site's 404 page). Stopped on dispose.
/// </summary>
public sealed class NginxSite : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    private readonly Process _nginx;
    private readonly string _work;

    private NginxSite(Process nginx, string work, string baseUrl)
    {
        _nginx = nginx;
        _work = work;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:PORT/docs/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>A free port's base URL, to build the site for before it is served.</summary>
    public static string NewBaseUrl() => $"http://127.0.0.1:{LoopbackServer.FreePort()}/docs/";

    public static async Task<NginxSite> StartAsync(string siteDir, string baseUrl, string work)
    {
        Assert.True(File.Exists(NginxPath), $"{NginxPath} not found: install it with 'bash .ci/install' (or 'apt-get install -y nginx')");
        var port = new Uri(baseUrl).Port;
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
                  alias {{siteDir}}/;
                  index index.html;
                  error_page 404 /docs/404.html;
                }
              }
            }
            """);
        var nginx = Process.Start(new ProcessStartInfo(NginxPath, $"-p {work} -c {config}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var site = new NginxSite(nginx, work, baseUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 100; i++)
        {
            if (nginx.HasExited)
            {
                throw new InvalidOperationException($"nginx exited ({nginx.ExitCode}): {await nginx.StandardError.ReadToEndAsync()} {site.ErrorLog()}");
            }

            try
            {
                await http.GetAsync(baseUrl);
                return site;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        await site.DisposeAsync();
        throw new TimeoutException("nginx did not answer within 10 s: " + site.ErrorLog());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_nginx.HasExited)
        {
            _nginx.Kill(entireProcessTree: true);
        }

        await _nginx.WaitForExitAsync();
        _nginx.Dispose();
    }

    private string ErrorLog() =>
        File.Exists(Path.Combine(_work, "error.log")) ? File.ReadAllText(Path.Combine(_work, "error.log")) : "";
}
