using SiteGen.Publish;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

public sealed class SiteOutputTests
{
    [Fact]
    public void CommitReplacesTheOldSiteWhole()
    {
        using var dir = new TempDir();
        var site = dir.Combine("site");
        dir.Write("site/old.html", "old");
        using (var output = new SiteOutput(site))
        {
            output.Write("index.html", "new");
            output.Commit();
        }

        Assert.Equal(["index.html"], Directory.GetFiles(site).Select(Path.GetFileName));
        Assert.Single(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void UncommittedOutputLeavesTheOldSiteAndNoLeftovers()
    {
        using var dir = new TempDir();
        var site = dir.Combine("site");
        dir.Write("site/index.html", "old");
        using (var output = new SiteOutput(site))
        {
            output.Write("index.html", "half");
        }

        Assert.Equal("old", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Single(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void CommitExchangesTheFoldersSoTheOldSiteIsNeverMissing()
    {
        using var dir = new TempDir();
        var site = dir.Combine("site");
        dir.Write("site/index.html", "old");
        using var before = new DirectoryHandle(site);
        using (var output = new SiteOutput(site))
        {
            output.Write("index.html", "new");
            output.Commit();
        }

        // One exchange moved the old folder to the staging name (then deleted it): never a moment without site/.
        Assert.Equal("new", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Contains(".staging-", before.CurrentPath, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void AFileWhereTheSiteShouldBeIsAnIOExceptionAndTheStagingFolderGoes()
    {
        using var dir = new TempDir();
        var site = dir.Write("site", "a file");
        using (var output = new SiteOutput(site))
        {
            output.Write("index.html", "new");
            Assert.Throws<IOException>(output.Commit);
        }

        Assert.Equal("a file", File.ReadAllText(site));
        Assert.Empty(Directory.GetDirectories(dir.Path));
    }

    /// <summary>An open folder, to see where it went after a rename.</summary>
    private sealed class DirectoryHandle(string path) : IDisposable
    {
        private readonly int _fd = Open(path, 0x10000);

        public string? CurrentPath => new FileInfo($"/proc/self/fd/{_fd}").LinkTarget;

        public void Dispose() => Close(_fd);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open")]
        private static extern int Open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
        private static extern int Close(int fd);
    }
}
