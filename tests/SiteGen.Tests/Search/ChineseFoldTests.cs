using System.Text;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class ChineseFoldTests
{
    private static string DictionaryFile(string name) => Path.Combine(SeedCorpus.RepositoryRoot(),
        "src", "SiteGen", "Search", "opencc", "node_modules", "opencc-js", "dist", "esm-lib", "dict", name + ".js");

    private static string Fold(string text) =>
        string.Concat(text.EnumerateRunes().Select(r => char.ConvertFromUtf32(ChineseFold.Fold(r.Value))));

    [Fact]
    public void TraditionalQueriesOfTheIssueFoldOntoTheSimplifiedArticles()
    {
        Assert.Equal("扩散模型", Fold("擴散模型"));
        Assert.Equal("价值函数", Fold("價值函數"));
        Assert.Equal("扩散模型", Fold("扩散模型"));
    }

    [Fact]
    public void TaiwanAndHongKongVariantsFoldWithTheirStandardForms()
    {
        // 為 (Taiwan) and 爲 (OpenCC's standard) are both 为; 麼 → 么 → 幺 ends in one character.
        Assert.Equal(Fold("爲"), Fold("為"));
        Assert.Equal("为", Fold("為"));
        Assert.Equal(Fold("什么"), Fold("什麼"));
        Assert.Equal(Fold("台"), Fold("臺"));
        Assert.Equal(Fold("衛"), Fold("衞"));
    }

    [Fact]
    public void FoldingIsAFixedPoint()
    {
        foreach (var (from, to) in ChineseFold.Pairs)
        {
            Assert.True(ChineseFold.Fold(to) == to, $"U+{from:X4} folds to U+{to:X4}, which folds on to U+{ChineseFold.Fold(to):X4}");
            Assert.True(SearchNormalizer.IsCjk(from) && SearchNormalizer.IsCjk(to));
        }
    }

    [Fact]
    public void EveryTraditionalCharacterOfOpenCcFoldsWithItsSimplifiedCharacter()
    {
        var table = ChineseFold.ParseDictionary(File.ReadAllText(DictionaryFile("TSCharacters")));
        Assert.True(table.Count > 3000, $"only {table.Count} entries read");
        foreach (var (traditional, simplified) in table.Where(p => SearchNormalizer.IsCjk(p.Key) && SearchNormalizer.IsCjk(p.Value)))
        {
            Assert.Equal(ChineseFold.Fold(simplified), ChineseFold.Fold(traditional));
        }
    }

    [Fact]
    public void OpenCcCompatibilityIdeographsAreAlreadyUnifiedByNfkc()
    {
        // Why the tokenizer needs no CJK_Compatibility_Ideographs table: NFKC does the same, before folding.
        var table = ChineseFold.ParseDictionary(File.ReadAllText(DictionaryFile("CJK_Compatibility_Ideographs")));
        Assert.True(table.Count > 900);
        foreach (var (compatibility, unified) in table)
        {
            Assert.Equal(char.ConvertFromUtf32(unified), char.ConvertFromUtf32(compatibility).Normalize(NormalizationForm.FormKC));
        }
    }

    [Fact]
    public void TableTextForTheBrowserHoldsExactlyThePairs()
    {
        var runes = ChineseFold.TableText.EnumerateRunes().Select(r => r.Value).ToArray();
        Assert.Equal(ChineseFold.Pairs.Count * 2, runes.Length);
        for (var i = 0; i < runes.Length; i += 2)
        {
            Assert.Equal(ChineseFold.Pairs[runes[i]], runes[i + 1]);
        }

        Assert.Matches(@"^\d+\.\d+\.\d+$", ChineseFold.Version);
    }

    [Fact]
    public void ComposeFollowsChainsAndBreaksCyclesAtTheSmallestCharacter()
    {
        // 才 → 纔 by a variant table and 纔 → 才 by the main table is a cycle; 甲 → 乙 → 丙 → 丁 a chain
        // through both; 戊 is in both tables and the main one wins.
        var main = new Dictionary<int, int> { ['纔'] = '才', ['丙'] = '丁', ['甲'] = '乙', ['戊'] = '己' };
        var variants = new Dictionary<int, int> { ['才'] = '纔', ['乙'] = '丙', ['戊'] = '庚' };
        var composed = ChineseFold.Compose(main, variants);
        Assert.False(composed.ContainsKey('才'));
        Assert.Equal('才', composed['纔']);
        Assert.Equal('丁', composed['乙']);
        Assert.Equal('丁', composed['甲']);
        Assert.Equal('丁', composed['丙']);
        Assert.Equal('己', composed['戊']);
    }

    [Fact]
    public void PhraseEntriesAndMalformedModulesAreRefusedOrSkipped()
    {
        var table = ChineseFold.ParseDictionary("export default \"擴 扩|擴散 扩散|𠁞 𠀾|單 单 単\";");
        Assert.Equal(3, table.Count);
        Assert.Equal('扩', table['擴']);
        Assert.Equal(0x2003E, table[0x2005E]);
        Assert.Equal('单', table['單']);
        Assert.Throws<FormatException>(() => ChineseFold.ParseDictionary("export default 1;"));
    }

    [Fact]
    public void ThirdPartyNoticesListTheLockedOpenCCVersion()
    {
        var root = SeedCorpus.RepositoryRoot();
        using var lockFile = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "SiteGen", "Search", "opencc", "package-lock.json")));
        var version = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/opencc-js").GetProperty("version").GetString()!;
        Assert.Equal(version, ChineseFold.Version);
        var rows = File.ReadAllLines(Path.Combine(root, "THIRD-PARTY-NOTICES.md"))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length > 3 && cells[1].Contains("npm `opencc-js`", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(rows, cells => cells[2] == version);
        Assert.Contains(rows, cells => cells[3].Contains("search/q.js", StringComparison.Ordinal));
    }
}
