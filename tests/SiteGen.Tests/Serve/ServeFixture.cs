using SiteGen.Config;
using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>A small site served by a real <see cref="ServeSession"/> on a free loopback port under /docs/.</summary>
public sealed class ServedSite : IAsyncDisposable
{
    private ServedSite(TempDir dir, ServeSession session, StringWriter log)
    {
        Dir = dir;
        Session = session;
        Log = log;
    }

    public TempDir Dir { get; }

    public ServeSession Session { get; }

    public StringWriter Log { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static Task<ServedSite> StartAsync(params (string Path, string Text)[] content) =>
        StartAsync(dir =>
        {
            foreach (var (path, text) in content)
            {
                dir.Write(path, text);
            }
        });

    /// <summary>Serves a copy of the repository's seeds and content: the site the speed goal is set on.</summary>
    public static Task<ServedSite> StartSeedsSiteAsync() =>
        StartAsync(dir =>
        {
            Copy(RepoPaths.Seeds, dir.Combine("seeds"));
            Copy(Path.Combine(RepoPaths.Root, "content"), dir.Combine("content"));
        });

    public static async Task<ServedSite> StartAsync(Action<TempDir> prepare)
    {
        var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("seeds"));
        Copy(RepoPaths.Templates, dir.Combine("templates"));
        prepare(dir);

        var config = new SiteConfig
        {
            SeedsDir = dir.Combine("seeds"),
            ContentDir = dir.Combine("content"),
            TemplatesDir = dir.Combine("templates"),
            OutputDir = dir.Combine("site"),
            CacheDir = dir.Combine(".cache"),
            ConfigFile = dir.Combine("sitegen.yml"),
            BaseUrl = "/docs/",
        };
        var log = new StringWriter();
        var session = new ServeSession(() => config, "127.0.0.1", 0, TextWriter.Synchronized(log));
        await session.StartAsync(CancellationToken.None);
        return new ServedSite(dir, session, log);
    }

    public Task<string> GetAsync(string relative) => Http.GetStringAsync(Session.Url + relative);

    /// <summary>Polls until the served page contains <paramref name="text"/>; returns how long it took.</summary>
    public async Task<TimeSpan> WaitForAsync(string relative, string text, TimeSpan limit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            var response = await Http.GetAsync(Session.Url + relative);
            if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal))
            {
                return watch.Elapsed;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"'{text}' not served at {relative} within {limit.TotalSeconds} s. Log:\n{Log}");
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.StopAsync();
        Http.Dispose();
        Dir.Dispose();
    }
}
