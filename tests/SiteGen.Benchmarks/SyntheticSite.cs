using System.Text;

namespace SiteGen.Benchmarks;

/// <summary>Generates a content folder of N articles from the seed sentences, for benchmarks at scale.</summary>
public static class SyntheticSite
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found");
    }

    /// <summary>A fresh folder <paramref name="dir"/> with <paramref name="articles"/> pages, no feeds, and a configuration for it.</summary>
    public static SiteGen.Config.SiteConfig Create(string dir, int articles)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Write(Path.Combine(dir, "content"), articles);
        Directory.CreateDirectory(Path.Combine(dir, "seeds"));
        return new SiteGen.Config.SiteConfig
        {
            SeedsDir = Path.Combine(dir, "seeds"),
            ContentDir = Path.Combine(dir, "content"),
            TemplatesDir = Path.Combine(RepoRoot(), "templates"),
            OutputDir = Path.Combine(dir, "site"),
            CacheDir = Path.Combine(dir, ".cache"),
            ConfigFile = Path.Combine(dir, "sitegen.yml"),
        };
    }

    /// <summary>Writes <paramref name="count"/> pages into <paramref name="contentDir"/>; each mixes several seed lines.</summary>
    public static void Write(string contentDir, int count)
    {
        Directory.CreateDirectory(contentDir);
        var sentences = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "seeds"), "*.txt")
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 80)
            .Distinct()
            .ToArray();
        var tags = new[] { "生成模型", "大语言模型", "微调", "强化学习", "优化", "概率" };
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            text.Append("---\n")
                .Append($"id: synthetic{i:D6}\n")
                .Append($"title: \"合成文章 {i}：{Escape(sentences[i % sentences.Length][..12])}\"\n")
                .Append($"slug: synthetic-{i:D6}\n")
                .Append($"date: 2026-{1 + i % 12:D2}-{1 + i % 28:D2}\n")
                .Append($"tags: [{tags[i % tags.Length]}, {tags[(i / 7) % tags.Length]}]\n")
                .Append("---\n");
            for (var p = 0; p < 3; p++)
            {
                text.Append("## 第 ").Append(p + 1).Append(" 节\n\n");
                text.Append(Markdown(sentences[random.Next(sentences.Length)])).Append("\n\n");
            }

            File.WriteAllText(Path.Combine(contentDir, $"synthetic-{i:D6}.md"), text.ToString());
        }
    }

    private static string Escape(string s) => s.Replace("\\", "").Replace("\"", "");

    // Keep the TeX but in Markdig's $ syntax, and neutralise Markdown specials, like the importer does.
    private static string Markdown(string line) =>
        line.Replace("\\(", "$").Replace("\\)", "$").Replace("\\[", "$$").Replace("\\]", "$$")
            .Replace("*", "\\*").Replace("_", "\\_").Replace("<", "\\<").Replace("#", "\\#");
}
