using System.Diagnostics;
using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Serve;

/// <summary>
/// <c>sitegen serve</c>: build, serve, and rebuild on every change to the inputs. Rebuilds run one at a
/// time; changes that arrive during a rebuild are folded into the next one. A failed rebuild keeps the
/// last good site served and shows the error in the terminal and in the browser.
/// </summary>
public sealed class ServeSession(Func<SiteConfig?> loadConfig, string host, int port, TextWriter log)
{
    // The first configuration fixes what is watched and where the site is served; later edits to
    // sitegen.yml change everything else (title, taxonomy, KaTeX macros…) on the next rebuild.
    private readonly SiteConfig _initial = loadConfig() ?? throw new ArgumentException("the configuration is not usable", nameof(loadConfig));

    private readonly LiveReload _reload = new();
    private readonly BuildCache _cache = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private int _pendingRebuilds;

    /// <summary>Where the site is served, once <see cref="StartAsync"/> returned.</summary>
    public string Url => _server?.Url ?? "";

    /// <summary>Completed rebuilds, for tests and the terminal.</summary>
    public int Rebuilds { get; private set; }

    private DevServer? _server;
    private ChangeWatcher? _watcher;

    public async Task StartAsync(CancellationToken cancel)
    {
        Rebuild("initial build");
        _server = new DevServer(_initial.OutputDir, _initial.BasePath, host, port, _reload);
        await _server.StartAsync(cancel);
        var watched = new[] { _initial.SeedsDir, _initial.ContentDir, _initial.TemplatesDir, _initial.StaticDir, _initial.ConfigFile }
            .Where(p => Directory.Exists(p) || File.Exists(p));
        _watcher = new ChangeWatcher(watched, TimeSpan.FromMilliseconds(50), OnChanges);
        log.WriteLine($"Serving {_initial.OutputDir} at {Url} (Ctrl+C stops)");
    }

    public async Task RunAsync(CancellationToken cancel)
    {
        await StartAsync(cancel);
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        catch (OperationCanceledException)
        {
            log.WriteLine("Stopping.");
        }

        await StopAsync();
    }

    public async Task StopAsync()
    {
        _watcher?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _cache.Dispose();
    }

    private void OnChanges(IReadOnlyCollection<string> paths)
    {
        if (paths.All(IsOutput))
        {
            return;
        }

        if (Interlocked.Increment(ref _pendingRebuilds) > 1)
        {
            // A rebuild is already queued; it will see these changes too.
            return;
        }

        _ = Task.Run(() =>
        {
            var reason = paths.Count == 1 ? Path.GetFileName(paths.First()) : $"{paths.Count} changes";
            Rebuild(reason);
        });
    }

    private void Rebuild(string reason)
    {
        _building.Wait();
        try
        {
            Interlocked.Exchange(ref _pendingRebuilds, 0);
            var watch = Stopwatch.StartNew();
            var config = loadConfig();
            if (config is null)
            {
                log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {_initial.ConfigFile} is not usable; still serving the last good site");
                _ = _reload.ErrorAsync($"{_initial.ConfigFile} is not usable; see the terminal.");
                return;
            }

            config = config with { OutputDir = _initial.OutputDir, BaseUrl = _initial.BaseUrl };
            var result = new SiteBuilder(TimeProvider.System).Build(config, _cache);
            Rebuilds++;
            foreach (var diagnostic in result.Diagnostics)
            {
                log.WriteLine(diagnostic);
            }

            if (result.Succeeded)
            {
                var written = result.Incremental ? $"{result.PagesWritten} of {result.Pages} pages written" : $"{result.Pages} pages";
                log.WriteLine($"[{DateTime.Now:HH:mm:ss}] rebuilt ({reason}) in {watch.ElapsedMilliseconds} ms: {written}, {result.Warnings} warning(s)");
                _ = _reload.ReloadAsync();
                // The new HTML is served; slower derived files (a search index) follow before the next rebuild.
                result.Deferred?.Invoke();
            }
            else
            {
                var errors = string.Join('\n', result.Diagnostics.Where(d => d.Severity == Severity.Error || config.Strict));
                log.WriteLine($"[{DateTime.Now:HH:mm:ss}] build failed ({reason}); still serving the last good site");
                _ = _reload.ErrorAsync(errors);
            }
        }
        catch (Exception e)
        {
            // A rebuild runs on a pool thread: an exception must not vanish there, nor end the session.
            var inner = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e;
            var line = $"error SG0700: internal error ({inner.GetType().Name}: {inner.Message.TrimEnd('.')}); still serving the last good site";
            log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
            _ = _reload.ErrorAsync(line);
        }
        finally
        {
            _building.Release();
        }
    }

    private bool IsOutput(string path) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(_initial.OutputDir), StringComparison.Ordinal);
}
