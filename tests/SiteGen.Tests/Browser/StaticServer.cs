using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Browser;

/// <summary>
/// A minimal static file server on a free loopback port for browser tests: a folder answers with its
/// index.html and a missing file with the site's 404.html, as a real host would.
/// </summary>
internal sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    public StaticServer(string root)
    {
        _root = Path.GetFullPath(root);
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
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

            using var response = context.Response;
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var file = Path.GetFullPath(Path.Combine(_root, path.EndsWith('/') || path.Length == 0 ? path + "index.html" : path));
            if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                file = Path.Combine(_root, "404.html");
            }

            response.ContentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".xml" => "application/xml; charset=utf-8",
                ".png" => "image/png",
                ".woff2" => "font/woff2",
                _ => "application/octet-stream",
            };
            var bytes = await File.ReadAllBytesAsync(file);
            await response.OutputStream.WriteAsync(bytes);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
