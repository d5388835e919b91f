using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Build;

/// <summary>
/// One path for every build: a site driven through a series of edits (body, title, tags, a new feed, a deleted
/// page, a template, the configuration, and back) is built after each edit on top of the last build's state,
/// and must be byte for byte what a clean build of the same inputs (empty state, empty caches, another folder)
/// gives. The build must also write exactly the files whose bytes changed: every other file of the new site is
/// the old file itself (same write time: hard-linked, not rewritten).
/// </summary>
[Collection("Processes")]
public sealed class EditSeriesTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();

    public static TheoryData<bool> Sessions() => new() { false, true };

    /// <param name="warm">One session for all builds (serve); else a new session per build, reading the state from disk (a new process).</param>
    [Theory]
    [MemberData(nameof(Sessions))]
    public void EveryEditGivesTheSiteACleanBuildGives(bool warm)
    {
        var feeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(_dir.Combine("seeds"));
        foreach (var feed in feeds.Take(2))
        {
            File.Copy(feed, _dir.Combine("seeds", Path.GetFileName(feed)));
        }

        _dir.Write("sitegen.yml", "title: 编辑测试\npage_size: 3\ntaxonomy:\n  生成模型: [扩散, 生成]\n  优化: [梯度]\n");
        WritePage("notes", "笔记", ["优化"], "## 第一节\n\n梯度下降的笔记，见 [另一篇](../guide/#用法) 与 [第二节](#第二节)。\n\n## 第二节\n\n$a^2+b^2=c^2$\n");
        WritePage("guide", "指南", ["生成模型"], "## 用法\n\n扩散模型的用法。\n");
        using var session = warm ? new BuildSession() : null;

        var steps = new (string Name, Action Edit)[]
        {
            ("initial", () => { }),
            ("nothing", () => { }),
            ("body", () => WritePage("notes", "笔记", ["优化"], "## 第一节\n\n改写过的梯度下降笔记，见 [另一篇](../guide/#用法)。\n\n## 第二节\n\n$a^2+b^2=c^2$ 与 $\\sqrt{x}$\n")),
            ("title", () => WritePage("guide", "新的指南", ["生成模型"], "## 用法\n\n扩散模型的用法。\n")),
            ("tags", () => WritePage("guide", "新的指南", ["优化", "生成模型"], "## 用法\n\n扩散模型的用法。\n")),
            ("new feed", () => File.Copy(feeds[2], _dir.Combine("seeds", Path.GetFileName(feeds[2])))),
            ("deleted page", () => File.Delete(_dir.Combine("content", "guide.md"))),
            ("template", () => _dir.Write("templates/pages/article.sbn-html",
                File.ReadAllText(Path.Combine(RepoPaths.Templates, "pages", "article.sbn-html")) + "<!-- edited -->\n")),
            ("config", () => _dir.Write("sitegen.yml", "title: 改名的站点\npage_size: 2\ntaxonomy:\n  生成模型: [扩散, 生成]\n  优化: [梯度]\n")),
            ("template removed", () => Directory.Delete(_dir.Combine("templates"), recursive: true)),
            ("nothing again", () => { }),
        };

        Dictionary<string, (long Length, DateTime Written)>? before = null;
        foreach (var (name, edit) in steps)
        {
            edit();
            var result = Build(_dir.Path, session);
            var after = Stats(_dir.Combine("site"));
            using (var clean = new TempDir())
            {
                foreach (var folder in new[] { "seeds", "content", "templates" })
                {
                    Copy(_dir.Combine(folder), clean.Combine(folder));
                }

                File.Copy(_dir.Combine("sitegen.yml"), clean.Combine("sitegen.yml"));
                Build(clean.Path, null);
                AssertSame(FolderSnapshot.Take(clean.Combine("site")), FolderSnapshot.Take(_dir.Combine("site")), name);
                AssertSame(FolderSnapshot.Take(clean.Combine("content")), FolderSnapshot.Take(_dir.Combine("content")), name + " (content)");
            }

            if (before is not null)
            {
                // Written exactly when the bytes changed: an unchanged file keeps its write time (it is the old file).
                var changed = after.Keys.Where(p => !before.ContainsKey(p) || before[p] != after[p]).Order(StringComparer.Ordinal).ToList();
                output.WriteLine($"{name}: {result.FilesWritten} written, {result.FilesReused} reused, {changed.Count} with a new write time");
                Assert.Equal(changed.Count, result.FilesWritten);
            }

            if (name.StartsWith("nothing", StringComparison.Ordinal))
            {
                Assert.Equal(0, result.FilesWritten);
                Assert.False(result.StageMilliseconds.ContainsKey("swap"));
                Assert.Equal(0, result.Formulas);
            }

            before = after;
        }
    }

    public void Dispose() => _dir.Dispose();

    private BuildResult Build(string root, BuildSession? session)
    {
        var config = new SiteConfig
        {
            SeedsDir = Path.Combine(root, "seeds"),
            ContentDir = Path.Combine(root, "content"),
            TemplatesDir = Path.Combine(root, "templates"),
            OutputDir = Path.Combine(root, "site"),
            CacheDir = Path.Combine(root, ".sitegen-cache"),
            ConfigFile = Path.Combine(root, "sitegen.yml"),
        };
        var diagnostics = new SiteGen.Diagnostics.DiagnosticBag();
        config = new LoadConfig().Run(config.ConfigFile, config, diagnostics);
        Assert.False(diagnostics.HasErrors);
        var result = new SiteBuilder(TimeProvider.System).Build(config, session);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Null(result.StateNote);
        return result;
    }

    private void WritePage(string slug, string title, string[] tags, string body) =>
        _dir.Write($"content/{slug}.md", $"---\ntitle: {title}\nslug: {slug}\ndate: 2026-01-02\ntags: [{string.Join(", ", tags)}]\n---\n{body}");

    private static Dictionary<string, (long, DateTime)> Stats(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)));

    private static void AssertSame(Dictionary<string, string> expected, Dictionary<string, string> actual, string step)
    {
        var missing = expected.Keys.Except(actual.Keys).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        var changed = expected.Keys.Intersect(actual.Keys).Where(k => expected[k] != actual[k]).ToList();
        Assert.True(missing.Count + extra.Count + changed.Count == 0,
            $"after '{step}' the site differs from a clean build: missing [{string.Join(", ", missing.Take(5))}], extra [{string.Join(", ", extra.Take(5))}], changed [{string.Join(", ", changed.Take(5))}]");
    }

    private static void Copy(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
