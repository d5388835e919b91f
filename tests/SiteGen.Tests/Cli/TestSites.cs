using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>Small sites in temporary folders, built by the command line as a user would.</summary>
public static class TestSites
{
    public const string Config = """
        title: "部署测试"
        language: zh-CN
        base_url: https://example.net/notes/
        """;

    /// <summary>Three pages that link to each other, one with math.</summary>
    public static TempDir Create(string config = Config)
    {
        var dir = new TempDir();
        dir.Write("sitegen.yml", config);
        dir.Write("seeds/feed.txt", "INCOMING TRANSMISSION\n\nLATEST UPDATES\n反向传播 反向传播用链式法则计算梯度 \\(\\frac{\\partial L}{\\partial w}\\) ,是训练神经网络的基础。\n");
        dir.Write("content/alpha.md", "---\ntitle: 第一篇\nslug: alpha\ndate: 2026-01-03\ntags: [数学]\n---\n正文 $x^2$,见 [第二篇](../beta/)。\n");
        dir.Write("content/beta.md", "---\ntitle: 第二篇\nslug: beta\ndate: 2026-01-02\n---\n第二篇正文。\n\n## 小节\n\n更多内容。\n");
        dir.Write("content/gamma.md", "---\ntitle: 第三篇\nslug: gamma\ndate: 2026-01-01\n---\n第三篇正文。\n");
        return dir;
    }

    /// <summary>The build command for <paramref name="dir"/> with every path explicit (tests do not change the working folder).</summary>
    public static string[] BuildArgs(TempDir dir, params string[] extra) =>
    [
        "build", "--seeds", dir.Combine("seeds"), "--content", dir.Combine("content"), "--templates", RepoPaths.Templates,
        "--out", dir.Combine("site"), "--config", dir.Combine("sitegen.yml"), .. extra,
    ];

    public static void Build(TempDir dir)
    {
        var result = CliRun.Run(BuildArgs(dir, "--quiet"));
        Assert.True(result.Exit == 0, result.ToString());
    }

    public static string[] DeployArgs(TempDir dir, params string[] extra) =>
        ["deploy", "--out", dir.Combine("site"), "--config", dir.Combine("sitegen.yml"), .. extra];

    /// <summary>Every file below <paramref name="root"/> by '/'-separated relative path, with its bytes' hash.</summary>
    public static SortedDictionary<string, string> Files(string root, params string[] ignore)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!ignore.Any(i => relative == i || relative.StartsWith(i + "/", StringComparison.Ordinal)))
            {
                files[relative] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        return files;
    }
}
