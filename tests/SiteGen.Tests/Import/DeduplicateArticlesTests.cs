using System.Text;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

public sealed class DeduplicateArticlesTests
{
    private static readonly SiteConfig Config = new();

    private static FeedEntry Entry(string text, int line = 1, string feed = "f.txt") => new(feed, "seeds/" + feed, line, text);

    [Fact]
    public void SeedsGive47ArticlesWithOneNearDuplicatePair()
    {
        var batch = new ReadFeeds().Read(ImportTestKit.SeedsDir, new DiagnosticBag());
        var result = new DeduplicateArticles().Deduplicate(batch.Entries, Config);

        Assert.Equal(47, result.Articles.Count);
        Assert.Equal(11, result.ExactDuplicates);
        Assert.Equal(1, result.NearDuplicates);
        Assert.Equal(59, result.Articles.Sum(a => a.Sources.Count));

        var merged = Assert.Single(result.Articles, a => a.OtherVersions.Count > 0);
        var other = Assert.Single(merged.OtherVersions);
        Assert.True(merged.Body.Text.Length >= other.Text.Length);
        Assert.Equal(merged.Body.Text[..327], other.Text[..327]);
    }

    [Fact]
    public void OutputFollowsFirstOccurrenceAndIdsComeFromTheFirstOccurrence()
    {
        var entries = new[] { Entry("第二篇文章的内容", 1), Entry("第一篇 文章", 2), Entry("第二篇文章的内容", 3) };
        var result = new DeduplicateArticles().Deduplicate(entries, Config);
        Assert.Equal(["第二篇文章的内容", "第一篇 文章"], result.Articles.Select(a => a.Body.Text));
        Assert.Equal(2, result.Articles[0].Sources.Count);
        Assert.Equal(TextKey.IdOf("第二篇文章的内容"), result.Articles[0].Id);
        Assert.Matches("^[0-9a-f]{12}$", result.Articles[0].Id);
    }

    [Fact]
    public void ExactDuplicatesIgnoreWhitespaceAndCompatibilityForms()
    {
        var entries = new[] { Entry("ＡＢＣ  模型\t训练"), Entry("ABC 模型 训练") };
        var result = new DeduplicateArticles().Deduplicate(entries, Config);
        var article = Assert.Single(result.Articles);
        Assert.Empty(article.OtherVersions);
        Assert.Equal(1, result.ExactDuplicates);
    }

    [Fact]
    public void UnrelatedShortTextsStaySeparate()
    {
        var entries = new[] { Entry("简介 一"), Entry("简介 二"), Entry("背景") };
        Assert.Equal(3, new DeduplicateArticles().Deduplicate(entries, Config).Articles.Count);
    }

    [Fact]
    public void TwentyThousandSyntheticEntriesClusterExactlyByOrigin()
    {
        var (entries, origin, originals) = Synthetic.Build(seed: 7, originals: 13_000);
        Assert.True(entries.Count >= 20_000);

        var result = new DeduplicateArticles().Deduplicate(entries, Config);

        Assert.Equal(originals, result.Articles.Count);
        Assert.Equal(entries.Count, result.Articles.Sum(a => a.Sources.Count));
        foreach (var article in result.Articles)
        {
            var origins = article.Sources.Select(s => origin[s]).Distinct().ToList();
            Assert.Single(origins);
            Assert.Equal(article.Sources.Max(s => TextKey.Normalize(s.Text).Length), TextKey.Normalize(article.Body.Text).Length);
        }
    }

    [Fact]
    public void TruncatedCopiesMergeWithTheirArticle()
    {
        var random = new Random(11);
        for (var round = 0; round < 200; round++)
        {
            var article = Synthetic.RandomText(random, random.Next(60, 2000));
            var cut = random.Next(SameArticle.MinimumTruncation + 1, article.Length);
            var shorter = article[..cut].TrimEnd() + (random.Next(2) == 0 ? "..." : "…");
            var entries = random.Next(2) == 0 ? new[] { Entry(article, 1), Entry(shorter, 2) } : [Entry(shorter, 1), Entry(article, 2)];
            var result = new DeduplicateArticles().Deduplicate(entries, Config);
            var merged = Assert.Single(result.Articles);
            Assert.Equal(article, merged.Body.Text);

            // Two cuts of one article, neither of them whole, are one article too.
            var other = article[..random.Next(SameArticle.MinimumTruncation + 1, article.Length)].TrimEnd() + "...";
            Assert.Single(new DeduplicateArticles().Deduplicate([Entry(shorter, 1), Entry(other, 2)], Config).Articles);
        }
    }

    [Fact]
    public void CopiesWithSmallEditsMerge()
    {
        var random = new Random(12);
        for (var round = 0; round < 200; round++)
        {
            var article = Synthetic.RandomText(random, random.Next(200, 2000));
            // Up to 3% of the characters, one to three at a time, anywhere in the text.
            var copy = Synthetic.Edit(random, article, random.Next(1, article.Length * 3 / 100 / 2 + 2));
            var result = new DeduplicateArticles().Deduplicate([Entry(article, 1), Entry(copy, 2)], Config);
            Assert.True(result.Articles.Count == 1, $"round {round}: an edited copy of {article.Length} characters stayed apart");

            // A truncated copy with small edits, or ending differently over a few characters (as the seeds' pair does).
            var cut = random.Next(100, article.Length);
            var truncated = Synthetic.Edit(random, article[..cut], 1) + Synthetic.RandomText(random, random.Next(1, Math.Min(cut / 25, SameArticle.MaxDifferingRun - 8) + 1)) + "...";
            Assert.Single(new DeduplicateArticles().Deduplicate([Entry(article, 1), Entry(truncated, 2)], Config).Articles);
        }
    }

    [Fact]
    public void CopiesWhoseNumbersDifferStaySeparate()
    {
        // Numbered posts of one series differ in a few characters only: their numbers. When in doubt, keep both.
        var weekly = Enumerable.Range(1, 12).Select(i => Entry($"周报 {i} 本周第 {i} 期:这一期的内容和其他各期都不一样,编号 {i * 7919}。", i)).ToList();
        Assert.Equal(12, new DeduplicateArticles().Deduplicate(weekly, Config).Articles.Count);

        var random = new Random(14);
        var body = Synthetic.RandomText(random, 400);
        var version2 = $"发布说明 版本 2.1 {body}";
        var version3 = $"发布说明 版本 2.2 {body}";
        Assert.Equal(2, new DeduplicateArticles().Deduplicate([Entry(version2, 1), Entry(version3, 2)], Config).Articles.Count);
        // A truncated copy of one of them whose number differs stays apart too.
        Assert.Equal(2, new DeduplicateArticles().Deduplicate([Entry(version2, 1), Entry(version3[..200] + "...", 2)], Config).Articles.Count);

        // The same numbers with a small edit elsewhere, or a copy cut off inside a number, are still one article.
        var edited = Synthetic.Edit(random, version2, 2);
        Assert.Single(new DeduplicateArticles().Deduplicate([Entry(version2, 1), Entry(edited, 2)], Config).Articles);
        var numbered = body[..200] + " 共 31415 字 " + body[200..];
        Assert.Single(new DeduplicateArticles().Deduplicate([Entry(numbered, 1), Entry(numbered[..203] + "...", 2)], Config).Articles);
    }

    [Theory]
    [InlineData("第 7 期 内容", "第 7 期 内容", 8, true)]
    [InlineData("第 7 期 内容", "第 8 期 内容", 8, false)]
    [InlineData("第 7 期 内容", "第 7 期 内容 第 9 节", 15, false)]
    [InlineData("编号 79", "编号 7919 之后 3", 5, true)]
    [InlineData("编号 79", "编号 7819 之后 3", 5, false)]
    [InlineData("编号 7919", "编号 7919 之后 3", 9, true)]
    [InlineData("没有数字", "没有数字 但后面有 2", 4, true)]
    public void SameNumbersComparesTheDigitRunsInOrder(string shorter, string longer, int longerAligned, bool same) =>
        Assert.Equal(same, SameArticle.SameNumbers(shorter, longer, longerAligned));

    [Fact]
    public void ArticlesThatOnlyShareSentencesStaySeparate()
    {
        var random = new Random(13);
        var sentences = SeedSentences();
        var texts = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            // Distinct sentences, at least three: the same two sentences under two headings would be one article.
            var picked = sentences.OrderBy(_ => random.Next()).Take(random.Next(3, 20)).ToList();
            var article = $"简介 Transformer{i} " + string.Concat(picked);
            texts.Add(article);
            switch (i % 5)
            {
                // The same sentences in another order, under another heading.
                case 0: texts.Add($"背景 Diffusion{i} " + string.Concat(Enumerable.Reverse(picked))); break;
                // The same opening, then something else: not a truncation, although it ends with an ellipsis.
                case 1: texts.Add(HalfOf(article) + string.Concat(Enumerable.Range(0, 4).Select(_ => sentences[random.Next(sentences.Count)])) + "..."); break;
                // Every sentence of the article and more.
                case 2: texts.Add($"方法 LoRA{i} " + string.Concat(picked) + string.Concat(Enumerable.Range(0, 4).Select(_ => sentences[random.Next(sentences.Count)]))); break;
                // A short article of its own before a long footer that many articles share.
                case 3: texts.Add($"概述 MoE{i} " + string.Concat(picked.Take(3)) + Footer); break;
            }
        }

        var entries = texts.Select((t, k) => Entry(t, k + 1)).ToList();
        var result = new DeduplicateArticles().Deduplicate(entries, Config);
        Assert.Equal(texts.Distinct().Count(), result.Articles.Count);
        Assert.Equal(0, result.NearDuplicates);
        // Shingle similarity, the old rule, would have merged many of them.
        var containing = texts.Where(t => t.StartsWith("方法 LoRA", StringComparison.Ordinal))
            .Count(t => Containment(texts[texts.IndexOf(t) - 1], t) >= 0.9);
        Assert.True(containing >= 50, $"{containing}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SharedBoilerplateKeepsArticlesApartAndTheWorkLinear(bool header)
    {
        var work = new List<NearDuplicateWork>();
        foreach (var count in new[] { 500, 2000 })
        {
            var random = new Random(14);
            var sentences = SeedSentences();
            // Four to eight seed sentences each: two articles that differ only in their number would be one article.
            var texts = Enumerable.Range(0, count)
                .Select(i => $"Attention{i} " + string.Concat(Enumerable.Range(0, random.Next(4, 9)).Select(_ => sentences[random.Next(sentences.Count)])))
                .Select(t => header ? Footer + t : t + Footer)
                .Select(TextKey.Normalize)
                .ToArray();
            var clusters = NearDuplicates.Find(texts, 0.6, 5, out var done);
            Assert.Equal(count, Enumerable.Range(0, count).Select(clusters.Find).Distinct().Count());
            work.Add(done);
        }

        // Per article, a bounded amount of work that does not grow with the site: four times the articles may cost
        // at most about four times the work (twice that, for noise at these sizes), never per-bucket pairs.
        var (small, large) = (work[0], work[1]);
        Assert.InRange(large.Verifications, 0, 6 * 2000);
        Assert.InRange(large.AlignmentSteps, 0, 2000L * 2000);
        Assert.InRange(large.BucketVisits, 0, 200 * 2000);
        Assert.InRange(large.Verifications, 0, 8 * Math.Max(small.Verifications, 500));
        Assert.InRange(large.BucketVisits, 0, 8 * small.BucketVisits);
    }

    private const string Footer = "本文首发于作者的个人博客，转载请注明出处。欢迎关注公众号，获取更多机器学习与深度学习的技术文章、论文解读与代码实现；" +
        "如果你觉得这篇文章对你有帮助，请点赞、收藏并分享给更多需要的朋友。文中如有错误或不准确之处，欢迎在评论区留言指正，我们会及时修改。";

    /// <summary>The first half of a text, not splitting a surrogate pair (the seeds have emoji).</summary>
    private static string HalfOf(string text) => text[..(char.IsLowSurrogate(text[text.Length / 2]) ? text.Length / 2 + 1 : text.Length / 2)];

    private static List<string> SeedSentences()
    {
        var entries = new ReadFeeds().Read(ImportTestKit.SeedsDir, new DiagnosticBag()).Entries;
        return entries.SelectMany(e => e.Text.Split('。', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => s.Length > 10).Select(s => s.Trim() + "。").Distinct().ToList();
    }

    private static double Containment(string a, string b)
    {
        static HashSet<string> Shingles(string t) => Enumerable.Range(0, Math.Max(1, t.Length - 4)).Select(i => t.Substring(i, Math.Min(5, t.Length - i))).ToHashSet();
        var (x, y) = (Shingles(TextKey.Normalize(a)), Shingles(TextKey.Normalize(b)));
        return (double)x.Intersect(y).Count() / Math.Min(x.Count, y.Count);
    }
}

/// <summary>Random Chinese articles plus exact copies, truncated copies and lightly edited copies, shuffled.</summary>
internal static class Synthetic
{
    public static (List<FeedEntry> Entries, Dictionary<FeedEntry, int> Origin, int Originals) Build(int seed, int originals)
    {
        var random = new Random(seed);
        var items = new List<(string Text, int Origin)>();
        for (var i = 0; i < originals; i++)
        {
            var text = RandomText(random, random.Next(200, 400));
            items.Add((text, i));
            if (i % 4 == 0)
            {
                items.Add((text.Insert(random.Next(1, text.Length), "  "), i));
            }
            if (i % 5 == 0)
            {
                items.Add((text[..(text.Length * random.Next(70, 90) / 100)] + "...", i));
            }
            if (i % 7 == 0)
            {
                var chars = text.ToCharArray();
                for (var e = 0; e < 4; e++)
                {
                    chars[random.Next(chars.Length)] = (char)(0x4E00 + random.Next(20_000));
                }
                items.Add((new string(chars), i));
            }
        }
        var shuffled = items.OrderBy(_ => random.Next()).ToList();
        var entries = new List<FeedEntry>(shuffled.Count);
        var origin = new Dictionary<FeedEntry, int>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < shuffled.Count; k++)
        {
            var entry = new FeedEntry("synthetic.txt", "seeds/synthetic.txt", k + 1, shuffled[k].Text);
            entries.Add(entry);
            origin[entry] = shuffled[k].Origin;
        }
        return (entries, origin, originals);
    }

    /// <summary>Applies <paramref name="edits"/> edits of one to three characters (replace, insert or delete) at random places.</summary>
    public static string Edit(Random random, string text, int edits)
    {
        var chars = text.ToList();
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(chars.Count);
            var width = Math.Min(random.Next(1, 4), chars.Count - at);
            switch (random.Next(3))
            {
                case 0: chars.RemoveRange(at, width); break;
                case 1: chars.InsertRange(at, RandomText(random, width)); break;
                default: for (var k = 0; k < width; k++) { chars[at + k] = (char)(0x4E00 + random.Next(20_000)); } break;
            }
        }

        return new string(chars.ToArray());
    }

    public static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(12) == 0 ? ' ' : (char)(0x4E00 + random.Next(20_000)));
        }
        return builder.ToString().Trim();
    }
}
