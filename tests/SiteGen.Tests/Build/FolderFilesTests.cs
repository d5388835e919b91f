using SiteGen.Common;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>The walk that stamps and scans folders lists what a plain recursive walk lists, with the same lengths and times.</summary>
public sealed class FolderFilesTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void ListsEveryFileBelowTheFolderAsARecursiveWalkDoes()
    {
        _dir.Write("site/index.html", "home");
        _dir.Write("site/.hidden", "h");
        _dir.Write("site/articles/a/index.html", "a");
        _dir.Write("site/articles/b/index.html", "bb");
        _dir.Write("site/search/d/0.js", "d");
        _dir.Write("site/search/t/x/1.js", "t");
        _dir.Write("elsewhere/outside.txt", "o");
        Directory.CreateDirectory(_dir.Combine("site", "empty"));
        if (!OperatingSystem.IsWindows())
        {
            // A link to a folder: whatever the recursive walk makes of it (it walks into it), this one makes too.
            Directory.CreateSymbolicLink(_dir.Combine("site", "linked"), _dir.Combine("elsewhere"));
            Directory.CreateSymbolicLink(_dir.Combine("site", "articles", "linked"), _dir.Combine("elsewhere"));
        }

        var root = _dir.Combine("site");
        var expected = new DirectoryInfo(root)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Select(f => (Path.GetRelativePath(root, f.FullName).Replace('\\', '/'), f.Length, f.LastWriteTimeUtc.Ticks))
            .Order()
            .ToList();
        Assert.Equal(OperatingSystem.IsWindows() ? 6 : 8, expected.Count);
        Assert.Equal(expected, FolderFiles.Stats(root).Select(f => (f.Path, f.Length, f.Ticks)).Order().ToList());
        Assert.Equal(expected, FolderFiles.Stats(root + "/").Select(f => (f.Path, f.Length, f.Ticks)).Order().ToList());
        Assert.Empty(FolderFiles.Stats(_dir.Combine("missing")));
        Assert.Equal(expected, FolderFiles.StatsOnThisThread(root).Select(f => (f.Path, f.Length, f.Ticks)).Order().ToList());
        Assert.Empty(FolderFiles.StatsOnThisThread(_dir.Combine("missing")));
    }

    public void Dispose() => _dir.Dispose();
}
