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

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(12) == 0 ? ' ' : (char)(0x4E00 + random.Next(20_000)));
        }
        return builder.ToString().Trim();
    }
}
