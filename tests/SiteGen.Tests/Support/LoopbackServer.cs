using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Support;

/// <summary>
/// A static host on 127.0.0.1 for browser tests: serves a folder under a base path (a folder answers
/// with its index.html, a missing file with the site's 404.html), one request at a time per connection
/// but many connections at once, and counts the bytes it sends so tests can measure what a query downloads.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly string _basePath;
    private readonly ConcurrentQueue<(string Path, long Bytes)> _served = new();

    public LoopbackServer(string folder, string basePath = "/docs/")
    {
        _folder = Path.GetFullPath(folder);
        _basePath = basePath;
        BaseUrl = $"http://127.0.0.1:{FreePort()}{basePath}";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<(string Path, long Bytes)> Served => _served.ToArray();

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void ResetCounts() => _served.Clear();

    public void Dispose() => _listener.Close();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // Each request on its own task: one stalled response (a browser that navigated away) must
            // not hold up every later request of the page.
            _ = Task.Run(() =>
            {
                try
                {
                    Serve(context);
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
                {
                    // The browser went away mid-response.
                }
            });
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var relative = path.StartsWith(_basePath, StringComparison.Ordinal) ? path[_basePath.Length..] : null;
        var file = relative is null ? null : Path.GetFullPath(Path.Combine(_folder, relative));
        if (file is not null && Directory.Exists(file))
        {
            if (!path.EndsWith('/'))
            {
                response.Redirect(path + "/");
                response.Close();
                return;
            }

            file = Path.Combine(file, "index.html");
        }

        if (file is null || !file.StartsWith(_folder, StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            file = Path.Combine(_folder, "404.html");
            if (!File.Exists(file))
            {
                response.Close();
                return;
            }
        }

        var bytes = File.ReadAllBytes(file);
        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".xml" => "application/xml; charset=utf-8",
            ".png" => "image/png",
            ".woff2" => "font/woff2",
            _ => "application/octet-stream",
        };
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
        _served.Enqueue((path, bytes.Length));
    }
}
