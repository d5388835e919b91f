using System.Text.Json.Nodes;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class BuildSearchIndexTests : IDisposable
{
    private readonly string _site = Path.Combine(Path.GetTempPath(), "sitegen-search-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_site))
        {
            Directory.Delete(_site, recursive: true);
        }
    }

    /// <summary>Reads a written script back as JSON: the data is the third argument of the callback.</summary>
    internal static JsonNode ReadScript(string path)
    {
        var text = File.ReadAllText(path);
        // A notice comment may come first (q.js).
        var call = text.StartsWith("/*", StringComparison.Ordinal) ? text.IndexOf("*/", StringComparison.Ordinal) + 2 : 0;
        var start = text.IndexOf(',', text.IndexOf(',', call) + 1) + 1;
        var end = text.LastIndexOf(')');
        return JsonNode.Parse(text[start..end])!;
    }

    private static SearchDocument Doc(string url, string title, string body) => new(url, title, body, []);

    [Fact]
    public void WritesMetaShardsAndFragmentsAndCountsTheirBytes()
    {
        var docs = SeedCorpus.Seeds();
        var result = new BuildSearchIndex().Run(docs, _site);

        var search = Path.Combine(_site, "search");
        var files = Directory.GetFiles(search, "*.js", SearchOption.AllDirectories);
        Assert.Equal(files.Sum(f => new FileInfo(f).Length), result.TotalBytes);
        var meta = ReadScript(Path.Combine(search, "meta.js"));
        var perFile = meta["f"]!.GetValue<int>();
        Assert.Equal((docs.Count + perFile - 1) / perFile, Directory.GetFiles(Path.Combine(search, "d")).Length);
        Assert.Equal(docs[^1].Url, ReadScript(Path.Combine(search, "d", (docs.Count - 1) / perFile + ".js"))[(docs.Count - 1) % perFile]!["u"]!.GetValue<string>());
        Assert.Equal(result.Shards, Directory.GetFiles(Path.Combine(search, "t")).Length);
        Assert.True(result.Shards > 1, "the seeds should already need several shards");
        Assert.Equal(docs.Count, meta["n"]!.GetValue<int>());
        Assert.Equal(result.Shards, meta["s"]!.GetValue<int>());
        Assert.Matches("^[0-9a-f]{12}$", meta["b"]!.GetValue<string>());
    }

    [Fact]
    public void BuildIdIsStableForTheSameInputAndChangesWithContent()
    {
        string BuildId(IReadOnlyList<SearchDocument> docs)
        {
            new BuildSearchIndex().Run(docs, _site);
            return ReadScript(Path.Combine(_site, "search", "meta.js"))["b"]!.GetValue<string>();
        }

        var seeds = SeedCorpus.Seeds();
        var first = BuildId(seeds);
        Assert.Equal(first, BuildId(seeds));
        Assert.NotEqual(first, BuildId(seeds.Take(seeds.Count - 1).ToList()));
    }

    [Fact]
    public void EveryTermLivesInTheShardItsKeyHashesTo()
    {
        var result = new BuildSearchIndex(new SearchIndexOptions(TargetShardBytes: 4000)).Run(SeedCorpus.Seeds(), _site);
        var terms = 0;
        for (var i = 0; i < result.Shards; i++)
        {
            foreach (var (term, _) in ReadScript(Path.Combine(_site, "search", "t", i + ".js")).AsObject())
            {
                Assert.Equal(i, ShardKey.Shard(term, result.Shards));
                terms++;
            }
        }

        Assert.Equal(result.Terms, terms);
    }

    [Fact]
    public void LatinTermsSharingAPrefixShareAShard()
    {
        Assert.Equal(ShardKey.Shard("normaliz", 97), ShardKey.Shard("normal", 97));
        Assert.Equal("nor", ShardKey.Of("normaliz"));
        Assert.Equal("标准", ShardKey.Of("标准"));
        Assert.Equal("ai", ShardKey.Of("ai"));
    }

    [Fact]
    public void PostingsRecordGapsTitleFlagAndPositions()
    {
        new BuildSearchIndex().Run(
            [Doc("a/", "标准化流", "<p>正文</p>"), Doc("b/", "其他", "<p>无关</p>"), Doc("c/", "第三", "<p>讲标准化流的正文</p>")],
            _site);
        var shard = ReadScript(Path.Combine(_site, "search", "t", "0.js"));
        var numbers = PostingCodec.ReadAll(shard["标准"]!.GetValue<string>());
        // doc 0: gap 0, in title only (impact 0), one position 0; doc 2: gap 1, body impact, position in body.
        Assert.Equal([0, 1, 1, 0], numbers.Take(4));
        Assert.Equal(1, numbers[4]);
        Assert.Equal(0, numbers[5] & 1);
        Assert.True(numbers[5] >> 1 > 0);
    }

    [Fact]
    public void ImpactSaturatesAndFavoursShortDocuments()
    {
        Assert.Equal(0, Bm25.Impact(0, 100, 100));
        Assert.True(Bm25.Impact(1, 100, 100) < Bm25.Impact(5, 100, 100));
        Assert.True(Bm25.Impact(5, 100, 100) <= Bm25.MaxImpact);
        Assert.True(Bm25.Impact(2, 50, 100) > Bm25.Impact(2, 400, 100));
        Assert.Equal(1, Bm25.Impact(1, 100_000, 100));
    }

    [Fact]
    public void CodecRoundTrips()
    {
        var buffer = new AsciiBuffer();
        int[] values = [0, 1, 31, 32, 1023, 1024, 123_456_789];
        foreach (var v in values)
        {
            PostingCodec.Write(buffer, v);
        }

        Assert.Equal(values, PostingCodec.ReadAll(buffer.ToString()));
        Assert.Equal("01v", buffer.ToString()[..3]);
    }

    [Fact]
    public void PostingDigitsNeedNoEscapingInJson()
    {
        // The term shards copy posting text between quotes unescaped: every digit must be one JSON writes as itself.
        Assert.All(PostingCodec.Alphabet, c => Assert.True(c is > ' ' and < '\u007f' and not ('"' or '\\'), $"'{c}'"));
        Assert.Equal(PostingCodec.Alphabet, System.Text.Json.JsonEncodedText.Encode(PostingCodec.Alphabet, ScriptFile.Options.Encoder).Value);
    }

    [Fact]
    public void FragmentKeepsTextAndSectionAnchorsButNotPlaceholders()
    {
        new BuildSearchIndex().Run(
            [Doc("x/", "T", "<h2 id=\"lora\">LoRA</h2><p>低秩 <span class=\"missing\">[公式]</span> 适配</p>")], _site);
        var fragment = ReadScript(Path.Combine(_site, "search", "d", "0.js"))[0]!;
        Assert.Equal("LoRA\n低秩 适配", fragment["x"]!.GetValue<string>());
        // Title "T" is position 0, then a gap of 8: the heading block starts at token position 9.
        Assert.Equal("[[0,\"lora\",\"LoRA\",9]]", fragment["s"]!.ToJsonString());
        Assert.Null(fragment["c"]);
        Assert.Equal("x/", fragment["u"]!.GetValue<string>());
    }

    [Fact]
    public void RebuildRemovesStaleShardsButKeepsTheSearchPage()
    {
        Directory.CreateDirectory(Path.Combine(_site, "search"));
        File.WriteAllText(Path.Combine(_site, "search", "index.html"), "page");
        new BuildSearchIndex(new SearchIndexOptions(TargetShardBytes: 500)).Run(SeedCorpus.Seeds(), _site);
        var second = new BuildSearchIndex().Run(SeedCorpus.Seeds().Take(2).ToList(), _site);
        Assert.Equal(second.Shards, Directory.GetFiles(Path.Combine(_site, "search", "t")).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(_site, "search", "d")));
        Assert.True(File.Exists(Path.Combine(_site, "search", "index.html")));
    }

    [Fact]
    public void TypoDictionaryListsEveryLatinTermUnderEachDeletionKeyInTheFileItsKeyHashesTo()
    {
        var result = new BuildSearchIndex().Run(SeedCorpus.Seeds(), _site);
        var search = Path.Combine(_site, "search");
        var meta = ReadScript(Path.Combine(search, "meta.js"));
        var files = meta["y"]!.GetValue<int>();
        Assert.Equal(files, Directory.GetFiles(Path.Combine(search, "y")).Length);
        Assert.True(files > 1);
        var byKey = new Dictionary<string, string[]>();
        for (var i = 0; i < files; i++)
        {
            foreach (var (key, value) in ReadScript(Path.Combine(search, "y", i + ".js")).AsObject())
            {
                Assert.Equal(i, (int)(ShardKey.Hash(key) % (uint)files));
                byKey.Add(key, value!.GetValue<string>().Split(' '));
            }
        }

        // "diffusion" (9 letters) is reachable with two edits, so its two-deletion keys list it too.
        Assert.All(TypoKeys.Keys("diffusion", 2), k => Assert.Contains("diffusion", byKey[k]));
        Assert.Contains("transformer", byKey["tans"]);
        Assert.DoesNotContain(byKey.Values.SelectMany(v => v), t => t.Any(c => c is >= '0' and <= '9' or '\\'));
        Assert.True(result.TotalBytes > 0);
    }

    [Fact]
    public void QueryDataCarriesTheFoldTableAndTheSynonyms()
    {
        var synonyms = new Dictionary<string, IReadOnlyList<string>> { ["线性"] = ["linear", "linearity"] };
        new BuildSearchIndex(new SearchIndexOptions { Synonyms = synonyms }).Run([Doc("a/", "擴散", "<p>x</p>")], _site);
        var path = Path.Combine(_site, "search", "q.js");
        Assert.StartsWith("/* Character tables of OpenCC (Apache-2.0), from npm opencc-js ", File.ReadAllText(path));
        var data = ReadScript(path);
        Assert.Equal(ChineseFold.TableText, data["f"]!.GetValue<string>());
        Assert.Equal("{\"线性\":[\"linear\",\"linearity\"]}", data["s"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        // The index holds the folded term, so a simplified query finds the traditional title.
        Assert.NotNull(ReadScript(Path.Combine(_site, "search", "t", "0.js"))["扩散"]);
    }
}
