namespace SiteGen.Tests.Publish;

/// <summary>
/// Each <c>TestFiles/Publish/&lt;case&gt;.md</c> is built alone with the real theme and its article page compared
/// with <c>&lt;case&gt;.expected.html</c>. Set <c>SITEGEN_UPDATE_GOLDENS=1</c> to rewrite the expected files.
/// </summary>
public sealed class GoldenPageTests
{
    private static string SourceDir => Path.Combine(TestSite.RepoRoot, "tests", "SiteGen.Tests", "TestFiles", "Publish");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SourceDir, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ArticlePageMatchesGolden(string name)
    {
        var content = Path.Combine(Path.GetTempPath(), "sitegen-golden", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(content);
        File.Copy(Path.Combine(SourceDir, name + ".md"), Path.Combine(content, name + ".md"));
        var (site, _) = TestSite.Build(content, "https://example.org/docs/");
        var actual = File.ReadAllText(Path.Combine(site, "articles", name, "index.html")).ReplaceLineEndings("\n");

        var expectedPath = Path.Combine(SourceDir, name + ".expected.html");
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run with SITEGEN_UPDATE_GOLDENS=1 to create it");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }
}
