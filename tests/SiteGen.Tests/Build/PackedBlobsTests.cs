using System.Text;
using SiteGen.Build;
using SiteGen.Common;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// Rendered bodies live in pack files, found through the index the build state saves: each body reads back
/// exactly, one-article builds do not leave a pack each, space of bodies no longer used is given back, and a
/// pack that is gone or damaged costs a render, never a wrong page.
/// </summary>
public sealed class PackedBlobsTests : IDisposable
{
    private readonly TempDir _cache = new();

    private string Bodies => _cache.Combine("bodies");

    private string[] Packs => Directory.Exists(Bodies) ? Directory.GetFiles(Bodies, "*.pack") : [];

    [Fact]
    public void BodiesReadBackInTheNextProcess()
    {
        var blobs = new PackedBlobs(_cache.Path);
        var bodies = Enumerable.Range(0, 50).Select(i => $"<p>正文 {i} {new string('x', i * 37)}</p>").ToList();
        Parallel.ForEach(bodies, body => blobs.Put(Hash(body), body));
        Assert.All(bodies, body => Assert.Equal(body, blobs.Get(Hash(body))));
        var reopened = SaveAndReopen(blobs);

        Assert.Single(Packs);
        Assert.All(bodies, body => Assert.Equal(body, reopened.Get(Hash(body))));
    }

    [Fact]
    public void SmallPacksAreMergedSoEachBuildDoesNotLeaveOne()
    {
        var blobs = new PackedBlobs(_cache.Path);
        var bodies = new List<string>();
        for (var build = 0; build < 5; build++)
        {
            var body = $"<p>第 {build} 篇</p>";
            bodies.Add(body);
            blobs.Put(Hash(body), body);
            blobs = SaveAndReopen(blobs);
            Assert.Single(Packs);
        }

        Assert.All(bodies, body => Assert.Equal(body, blobs.Get(Hash(body))));
    }

    [Fact]
    public void APackMostlyOfDroppedBodiesIsRewrittenAndItsSpaceGiven()
    {
        var blobs = new PackedBlobs(_cache.Path);
        var bodies = Enumerable.Range(0, 10).Select(i => $"<p>{i}</p>" + new string((char)('a' + i), 600_000)).ToList();
        foreach (var body in bodies)
        {
            blobs.Put(Hash(body), body);
        }

        blobs = SaveAndReopen(blobs);
        var before = Packs.Single();
        Assert.True(new FileInfo(before).Length > PackedBlobs.SmallPack);

        blobs.Delete(bodies.Skip(2).Select(Hash));
        blobs = SaveAndReopen(blobs);

        var after = Packs.Single();
        Assert.NotEqual(before, after);
        Assert.Equal(bodies.Take(2).Sum(b => (long)Encoding.UTF8.GetByteCount(b)), new FileInfo(after).Length);
        Assert.Equal(bodies[1], blobs.Get(Hash(bodies[1])));
        Assert.False(blobs.Has(Hash(bodies[5])));
    }

    [Fact]
    public void BodiesOfAPackThatIsGoneAreNotOffered()
    {
        var blobs = new PackedBlobs(_cache.Path);
        const string body = "<p>甲</p>";
        blobs.Put(Hash(body), body);
        blobs.Seal();
        var index = Index(blobs);
        File.Delete(Packs.Single());

        Assert.False(Reopen(index).Has(Hash(body)));
    }

    [Fact]
    public void ADamagedBodyIsNeverReturned()
    {
        var blobs = new PackedBlobs(_cache.Path);
        const string body = "<p>公式与正文</p>";
        blobs.Put(Hash(body), body);
        blobs = SaveAndReopen(blobs);
        var pack = Packs.Single();
        var bytes = File.ReadAllBytes(pack);
        bytes[1] = (byte)'b';
        File.WriteAllBytes(pack, bytes);

        var problem = Assert.Throws<BuildStateException>(() => blobs.Get(Hash(body)));
        Assert.Contains("damaged", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APackNoSavedIndexRefersToIsDeleted()
    {
        // A build killed before it saved its state leaves a pack nothing points into.
        var killed = new PackedBlobs(_cache.Path);
        killed.Put(Hash("<p>半途</p>"), "<p>半途</p>");
        killed.Seal();
        var next = new PackedBlobs(_cache.Path);
        next.Put(Hash("<p>乙</p>"), "<p>乙</p>");
        next.Seal();
        next.RemoveUnreferenced();

        Assert.Single(Packs);
        Assert.Equal("<p>乙</p>", next.Get(Hash("<p>乙</p>")));
    }

    public void Dispose() => _cache.Dispose();

    private static string Hash(string html) => InputHash.OfBytes(Encoding.UTF8.GetBytes(html));

    /// <summary>What a build's save does (seal, state written, unreferenced packs removed), then a new process's read.</summary>
    private PackedBlobs SaveAndReopen(PackedBlobs blobs)
    {
        blobs.Seal();
        var index = Index(blobs);
        blobs.RemoveUnreferenced();
        return Reopen(index);
    }

    private static byte[] Index(PackedBlobs blobs)
    {
        using var stream = new MemoryStream();
        using (var writer = new StateWriter(stream))
        {
            blobs.Write(writer);
        }

        return stream.ToArray();
    }

    private PackedBlobs Reopen(byte[] index)
    {
        var blobs = new PackedBlobs(_cache.Path);
        using var stream = new MemoryStream(index);
        blobs.Read(new StateReader(stream));
        return blobs;
    }
}
