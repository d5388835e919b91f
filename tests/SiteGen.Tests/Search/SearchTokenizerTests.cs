using System.Text.Json;
using System.Text.Json.Nodes;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class SearchTokenizerTests
{
    /// <summary>Set to rewrite TestFiles/Search/tokens.json from the C# tokenizer when a change is intended.</summary>
    private const string UpdateVariable = "SITEGEN_UPDATE_TESTFILES";

    internal static string VectorsPath(bool source) => source
        ? Path.Combine(SeedCorpus.RepositoryRoot(), "tests", "SiteGen.Tests", "TestFiles", "Search", "tokens.json")
        : Path.Combine(AppContext.BaseDirectory, "TestFiles", "Search", "tokens.json");

    internal static JsonArray Expected(string input) => new(
        SearchTokenizer.Tokenize(input).Select(t => (JsonNode)new JsonArray(t.Term, t.Position, (int)t.Kind)).ToArray());

    [Fact]
    public void SharedVectorsMatchTheCSharpTokenizer()
    {
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        var vectors = JsonNode.Parse(File.ReadAllText(VectorsPath(source: update)))!.AsArray();
        foreach (var vector in vectors)
        {
            var input = vector!["input"]!.GetValue<string>();
            var actual = Expected(input);
            if (update)
            {
                vector["tokens"] = actual;
            }
            else
            {
                Assert.True(vector["tokens"] is not null, $"tokens.json has no expected tokens for '{input}'; run with {UpdateVariable}=1");
                Assert.Equal(vector["tokens"]!.ToJsonString(), actual.ToJsonString());
            }
        }

        if (update)
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            File.WriteAllText(VectorsPath(source: true), vectors.ToJsonString(options) + "\n");
        }
    }

    private static string[] Terms(string text) => SearchTokenizer.Tokenize(text).Select(t => t.Term).ToArray();

    [Fact]
    public void ChineseGivesUnigramsAndOverlappingBigrams()
    {
        Assert.Equal(["深", "深度", "度", "度学", "学", "学习", "习"], Terms("深度学习"));
    }

    [Fact]
    public void AnySubstringOfAChineseWordSharesItsBigrams()
    {
        var word = Terms("深度学习").ToHashSet();
        Assert.All(Terms("度学习"), t => Assert.Contains(t, word));
    }

    [Fact]
    public void FullWidthFormsAreFoldedToHalfWidthLowerCase()
    {
        Assert.Equal(Terms("adamw fp32"), Terms("ＡｄａｍＷ　ＦＰ３２"));
    }

    [Fact]
    public void EnglishIsLowerCasedAndLightlyStemmed()
    {
        Assert.Equal(["normaliz", "flow", "train"], Terms("Normalizing Flows trained"));
        Assert.Equal(Terms("normalize"), Terms("normalized"));
    }

    [Fact]
    public void TexCommandsAreTokensWithAndWithoutBackslash()
    {
        var terms = Terms("\\theta + \\mathrm{softmax}(x)");
        Assert.Contains("\\theta", terms);
        Assert.Contains("theta", terms);
        Assert.Contains("softmax", terms);
        Assert.Contains("x", terms);
    }

    [Fact]
    public void MixedScriptsKeepConsecutivePositions()
    {
        var tokens = SearchTokenizer.Tokenize("LoRA微调");
        Assert.Equal(("lora", 0), (tokens[0].Term, tokens[0].Position));
        Assert.Contains(tokens, t => t.Term == "微调" && t.Position == 1);
    }

    [Fact]
    public void OffsetsPointIntoTheOriginalText()
    {
        const string text = "ＬｏＲＡ 的 softmax";
        foreach (var t in SearchTokenizer.Tokenize(text))
        {
            Assert.True(t.Start < t.End && t.End <= text.Length);
        }

        var lora = SearchTokenizer.Tokenize(text)[0];
        Assert.Equal("ＬｏＲＡ", text[lora.Start..lora.End]);
    }

    [Fact]
    public void TraditionalAndSimplifiedGiveTheSameTermsAndKeepTheirOwnRanges()
    {
        Assert.Equal(Terms("扩散模型与价值函数"), Terms("擴散模型與價值函數"));
        const string text = "價值函數";
        var bigram = SearchTokenizer.Tokenize(text).First(t => t.Term == "价值");
        Assert.Equal("價值", text[bigram.Start..bigram.End]);
    }

    [Fact]
    public void PluralsAndInflectionsStemToOneTerm()
    {
        Assert.Equal(Terms("flow model embed run apply bias study"), Terms("flows models embedding running applied biases studies"));
        Assert.Equal(Terms("embed"), Terms("embedded"));
        // Never below three letters, and no undoubling of ll, ss or short stems.
        Assert.Equal(["add", "fall", "pass"], Terms("added falling passed"));
    }

    [Fact]
    public void SearchScriptHoldsNoLanguageOfItsOwn()
    {
        var script = File.ReadAllText(Path.Combine(SeedCorpus.RepositoryRoot(), "templates", "assets", "search.js"));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", script);
    }
}
