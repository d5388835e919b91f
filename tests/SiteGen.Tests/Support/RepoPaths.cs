namespace SiteGen.Tests.Support;

/// <summary>Finds the repository (the folder holding SiteGen.sln) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Shared => Path.Combine(Root, "..", "shared");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found above " + AppContext.BaseDirectory);
    }
}
