using SiteGen.Build;

namespace SiteGen.Tests.Build;

/// <summary>A hash is kept only when the file's write time would move at any later write: racily clean files are read again.</summary>
public sealed class FileHashCacheTests
{
    private static readonly DateTime HashedAt = new(2026, 12, 2, 18, 0, 0, 500, DateTimeKind.Utc);

    [Theory]
    // A write time with a fraction of a second: the file system's clock is fine, 100 ms is long settled.
    [InlineData(-150, true)]
    [InlineData(-101, true)]
    [InlineData(-99, false)]
    [InlineData(-3, false)]
    [InlineData(40, false)]
    public void AFineWriteTimeSettlesAfterATenthOfASecond(int writtenMsBeforeHashing, bool kept)
    {
        var cache = new FileHashCache(() => { });
        var ticks = HashedAt.AddMilliseconds(writtenMsBeforeHashing).Ticks + 7;
        cache.Keep("/site/content/a.md", new FileHashCache.Entry(10, ticks, "h", false), HashedAt);

        Assert.Equal(kept ? 1 : 0, cache.Count);
        Assert.Equal(kept, cache.Find("/site/content/a.md", 10, ticks) is not null);
    }

    [Theory]
    // A write time on a whole second may come from a clock that ticks once a second or every two (FAT).
    // HashedAt is half a second past its whole second: these were written 0.5, 1.5 and 2.5 s before hashing.
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(-2, true)]
    public void AWholeSecondWriteTimeSettlesAfterTwoSeconds(int secondsBefore, bool kept)
    {
        var cache = new FileHashCache(() => { });
        var wholeSecond = new DateTime(HashedAt.Ticks - HashedAt.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(secondsBefore);
        cache.Keep("/site/seeds/f.txt", new FileHashCache.Entry(10, wholeSecond.Ticks, "h", false), HashedAt);

        Assert.Equal(kept ? 1 : 0, cache.Count);
    }

    [Fact]
    public void ARacilyCleanFileForgetsTheHashKeptBefore()
    {
        var changes = 0;
        var cache = new FileHashCache(() => changes++);
        var old = HashedAt.AddMinutes(-5).Ticks + 3;
        cache.Keep("/site/content/a.md", new FileHashCache.Entry(10, old, "h1", false), HashedAt);
        Assert.Equal(1, changes);

        // Kept again as it was: nothing to save.
        cache.Keep("/site/content/a.md", new FileHashCache.Entry(10, old, "h1", false), HashedAt);
        Assert.Equal(1, changes);

        var fresh = HashedAt.AddMilliseconds(-20).Ticks + 3;
        cache.Keep("/site/content/a.md", new FileHashCache.Entry(12, fresh, "h2", true), HashedAt);
        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Find("/site/content/a.md", 10, old));
    }
}
