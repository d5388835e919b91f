using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace SiteGen.Serve;

/// <summary>
/// Serves the output folder with Kestrel under the site's base path, injecting the live-reload script
/// into HTML. Files are looked up per request, so a rebuild that swaps the folder is picked up at once.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _siteDir;
    private readonly string _basePath;
    private readonly LiveReload _reload;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public DevServer(string siteDir, string basePath, string host, int port, LiveReload reload)
    {
        _siteDir = Path.GetFullPath(siteDir);
        _basePath = basePath;
        _reload = reload;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The URL the site is served at, e.g. <c>http://127.0.0.1:8080/docs/</c>.</summary>
    public string Url { get; private set; } = "";

    public async Task StartAsync(CancellationToken cancel)
    {
        await _app.StartAsync(cancel);
        // With port 0 Kestrel picks a free port; only the server's address feature knows which.
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Url = address + _basePath;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        if (!path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == _basePath)
            {
                context.Response.Redirect(_basePath);
                return;
            }

            await NotFoundAsync(context);
            return;
        }

        var relative = path[_basePath.Length..];
        if (relative == LiveReload.EventsPath)
        {
            await StreamEventsAsync(context);
            return;
        }

        // A full rebuild exchanges the whole folder: a file found just before the swap and deleted with the old
        // site is looked up again, so the request gets the new file rather than an error.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var found = Resolve(relative);
            if (found is null)
            {
                break;
            }

            if (await TrySendFileAsync(context, found, StatusCodes.Status200OK))
            {
                return;
            }
        }

        var file = Resolve(relative);
        if (file is null)
        {
            if (Directory.Exists(Path.Combine(_siteDir, relative)) && !relative.EndsWith('/') && relative.Length > 0)
            {
                // One trailing-slash policy: folders are always addressed with '/'.
                context.Response.Redirect(context.Request.PathBase + context.Request.Path + "/" + context.Request.QueryString);
                return;
            }

            await NotFoundAsync(context);
            return;
        }

        await SendFileAsync(context, file, StatusCodes.Status200OK);
    }

    private string? Resolve(string relative)
    {
        var candidate = Path.GetFullPath(Path.Combine(_siteDir, relative));
        if (!candidate.StartsWith(_siteDir, StringComparison.Ordinal))
        {
            return null;
        }

        if (Directory.Exists(candidate))
        {
            if (relative.Length > 0 && !relative.EndsWith('/'))
            {
                return null;
            }

            candidate = Path.Combine(candidate, "index.html");
        }

        return File.Exists(candidate) ? candidate : null;
    }

    private async Task NotFoundAsync(HttpContext context)
    {
        var page = Path.Combine(_siteDir, "404.html");
        if (File.Exists(page) && await TrySendFileAsync(context, page, StatusCodes.Status404NotFound))
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task SendFileAsync(HttpContext context, string file, int status)
    {
        if (!await TrySendFileAsync(context, file, status))
        {
            // Still gone after the retries: the next request sees the new site.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    /// <summary>Sends a whole file read in one go (a rename over it cannot cut it); false when it vanished first.</summary>
    private async Task<bool> TrySendFileAsync(HttpContext context, string file, int status)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, context.RequestAborted);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        var type = ContentTypes.TryGetContentType(file, out var known) ? known : "application/octet-stream";
        if (type == "text/html")
        {
            bytes = LiveReload.Inject(bytes, _basePath);
            type = "text/html; charset=utf-8";
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        return true;
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var gate = new SemaphoreSlim(1, 1);
        using var subscription = _reload.Subscribe(async message =>
        {
            await gate.WaitAsync();
            try
            {
                await context.Response.WriteAsync(message, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
            finally
            {
                gate.Release();
            }
        });
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The browser closed the page or the server is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
