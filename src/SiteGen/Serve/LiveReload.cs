using System.Text;

namespace SiteGen.Serve;

/// <summary>
/// Server-Sent Events hub: browsers showing the site subscribe, and every finished rebuild tells them to
/// reload (or to show the build error). The script is injected only into served HTML, never into build output.
/// </summary>
public sealed class LiveReload
{
    public const string EventsPath = "__sitegen/events";

    private readonly object _gate = new();
    private readonly List<Func<string, Task>> _subscribers = [];

    /// <summary>How many browsers are listening.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public IDisposable Subscribe(Func<string, Task> send)
    {
        lock (_gate)
        {
            _subscribers.Add(send);
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(send);
            }
        });
    }

    public Task ReloadAsync() => BroadcastAsync("event: reload\ndata: {}\n\n");

    public Task ErrorAsync(string message) =>
        BroadcastAsync("event: build-error\ndata: " + System.Text.Json.JsonSerializer.Serialize(message) + "\n\n");

    private async Task BroadcastAsync(string message)
    {
        Func<string, Task>[] targets;
        lock (_gate)
        {
            targets = [.. _subscribers];
        }

        foreach (var send in targets)
        {
            try
            {
                await send(message);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                // The browser went away; its request loop unsubscribes it.
            }
        }
    }

    /// <summary>Adds the client script before <c>&lt;/body&gt;</c> of a served page.</summary>
    public static byte[] Inject(byte[] html, string basePath)
    {
        var text = Encoding.UTF8.GetString(html);
        var script = Script(basePath);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        text = at < 0 ? text + script : text[..at] + script + text[at..];
        return Encoding.UTF8.GetBytes(text);
    }

    private static string Script(string basePath) => $$"""
        <script data-sitegen-live-reload>
        (function () {
          var source = new EventSource("{{basePath}}{{EventsPath}}");
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("build-error", function (e) {
            var box = document.getElementById("sitegen-build-error") || document.createElement("pre");
            box.id = "sitegen-build-error";
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:50vh;overflow:auto;z-index:99999;" +
              "background:#2b0a0a;color:#ffd7d7;border:2px solid #ff6b6b;border-radius:8px;padding:1rem;font:13px/1.5 monospace;white-space:pre-wrap";
            box.textContent = "SiteGen build failed; showing the last good site.\n\n" + JSON.parse(e.data);
            document.body.appendChild(box);
          });
        })();
        </script>
        """;

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
