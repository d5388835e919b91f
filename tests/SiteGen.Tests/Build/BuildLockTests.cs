using SiteGen.Build;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// Never two writers: a second <c>sitegen build</c> (or <c>serve</c>) on the same folders waits for the first,
/// says so, and goes on when the first is done; a killed holder never keeps the lock.
/// </summary>
[Collection("Processes")]
public sealed class BuildLockTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private const string Waiting = "waiting for it to finish";

    private static TempDir SmallSite()
    {
        var dir = new TempDir();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var target = dir.Combine("templates", Path.GetRelativePath(RepoPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(dir.Combine("seeds"));
        dir.Write("content/page.md", "---\ntitle: 页面\n---\n正文。\n");
        return dir;
    }

    [Fact]
    public void SecondBuildWaitsForTheFirstAndAKilledHolderFreesTheLock()
    {
        using var dir = SmallSite();
        using var first = KillableSitegen.Start(dir.Path, "render", "build");
        Assert.True(first.WaitForStderr("paused at render", Limit), first.Stderr);

        using var second = KillableSitegen.Start(dir.Path, null, "build");
        Assert.True(second.WaitForStderr(Waiting, Limit), second.Stderr);
        Assert.Contains(".content.lock", second.Stderr, StringComparison.Ordinal);
        Assert.False(second.HasExited);
        Assert.False(Directory.Exists(dir.Combine("site")), "the waiting build must not write");

        first.Kill();
        Assert.Equal(0, second.WaitForExit(Limit));
        Assert.True(File.Exists(dir.Combine("site", "articles", "page", "index.html")));
        Assert.Equal(["site"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName).Where(n => n!.StartsWith("site", StringComparison.Ordinal)));
    }

    [Fact]
    public void BuildWaitsForServeAndServeWaitsForBuild()
    {
        using var dir = SmallSite();
        using (var serve = KillableSitegen.Start(dir.Path, "render", "serve", "--port", "0"))
        {
            Assert.True(serve.WaitForStderr("paused at render", Limit), serve.Stderr);
            using var build = KillableSitegen.Start(dir.Path, null, "build");
            Assert.True(build.WaitForStderr(Waiting, Limit), build.Stderr);
            serve.Kill();
            Assert.Equal(0, build.WaitForExit(Limit));
        }

        using (var build = KillableSitegen.Start(dir.Path, "render", "build"))
        {
            Assert.True(build.WaitForStderr("paused at render", Limit), build.Stderr);
            using var serve = KillableSitegen.Start(dir.Path, null, "serve", "--port", "0");
            Assert.True(serve.WaitForStderr(Waiting, Limit), serve.Stderr);
            build.Kill();
            Assert.True(serve.WaitForStderr("is free; building", Limit), serve.Stderr);
        }
    }

    [Fact]
    public async Task InProcessSecondAcquireWaitsUntilTheFirstIsReleased()
    {
        using var dir = new TempDir();
        var folders = new[] { dir.Combine("content"), dir.Combine("site") };
        var first = BuildLock.Acquire(folders, TextWriter.Null, CancellationToken.None);
        var notice = new NoticeWriter();
        var second = Task.Run(() => BuildLock.Acquire(folders, notice, CancellationToken.None));
        Assert.True(notice.Said.Wait(Limit), "the second acquire never said it waits");
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var acquired = await second.WaitAsync(Limit);
        Assert.True(File.Exists(BuildLock.LockFileFor(dir.Combine("site"))));
        Assert.Equal(dir.Combine(".site.lock"), BuildLock.LockFileFor(dir.Combine("site") + "/"));
    }

    [Fact]
    public async Task WaitingCanBeCancelled()
    {
        using var dir = new TempDir();
        var folders = new[] { dir.Combine("site") };
        using var first = BuildLock.Acquire(folders, TextWriter.Null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var notice = new NoticeWriter();
        var second = Task.Run(() => BuildLock.Acquire(folders, notice, cancel.Token));
        Assert.True(notice.Said.Wait(Limit));
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }

    private sealed class NoticeWriter : StringWriter
    {
        public ManualResetEventSlim Said { get; } = new();

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Said.Set();
        }
    }
}
