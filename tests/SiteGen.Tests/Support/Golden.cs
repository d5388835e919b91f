namespace SiteGen.Tests.Support;

/// <summary>Golden files under TestFiles/; <c>SITEGEN_UPDATE_GOLDENS=1</c> rewrites them in the source tree.</summary>
public static class Golden
{
    public static void AssertMatches(string relativePath, string actual)
    {
        var source = Path.Combine(RepoPaths.Root, "tests", "SiteGen.Tests", "TestFiles", relativePath);
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDENS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }

        Assert.True(File.Exists(source), $"golden file {source} is missing; run the tests with SITEGEN_UPDATE_GOLDENS=1 to create it");
        Assert.Equal(File.ReadAllText(source), actual);
    }
}
