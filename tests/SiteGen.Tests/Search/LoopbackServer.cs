using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Search;

/// <summary>
/// Serves a folder under a sub-path on 127.0.0.1 (a static host with a base path) and counts the
/// bytes it sends, so tests can measure what a query downloads.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly string _basePath;
    private readonly ConcurrentQueue<(string Path, long Bytes)> _served = new();

    public LoopbackServer(string folder, string basePath = "/docs/")
    {
        _folder = folder;
        _basePath = basePath;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}{basePath}";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyList<(string Path, long Bytes)> Served => _served.ToArray();

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

            try
            {
                Serve(context);
            }
            catch (HttpListenerException)
            {
                // The browser navigated away mid-response.
            }
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

        if (file is null || !file.StartsWith(Path.GetFullPath(_folder), StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }

        var bytes = File.ReadAllBytes(file);
        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "application/octet-stream",
        };
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
        _served.Enqueue((path, bytes.Length));
    }
}
