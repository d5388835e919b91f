using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>
/// The tool ships every NuGet package its deps file names; THIRD-PARTY-NOTICES.md must list each of them,
/// at the version shipped, so a new dependency cannot slip into the package without its licence.
/// </summary>
public sealed class ThirdPartyNoticesTests
{
    [Fact]
    public void Every_package_the_tool_ships_is_listed_with_its_version()
    {
        var notices = File.ReadAllText(Path.Combine(RepoPaths.Root, "THIRD-PARTY-NOTICES.md"));
        var shipped = ShippedPackages();

        Assert.Contains(shipped, p => p.Name == "Jint");
        var missing = shipped
            .Where(p => !notices.Split('\n').Any(line => IsRowFor(line, p.Name, p.Version)))
            .Select(p => $"{p.Name} {p.Version}")
            .ToList();
        Assert.True(missing.Count == 0, "add to THIRD-PARTY-NOTICES.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_katex_version_listed_is_the_locked_one()
    {
        var notices = File.ReadAllText(Path.Combine(RepoPaths.Root, "THIRD-PARTY-NOTICES.md"));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(RepoPaths.Root, "src", "SiteGen", "Math", "katex", "package-lock.json")));
        var version = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/katex")
            .GetProperty("version").GetString()!;

        Assert.Contains(notices.Split('\n'), line => IsRowFor(line, "KaTeX (npm `katex`)", version));
    }

    private static bool IsRowFor(string line, string name, string version)
    {
        var cells = line.Split('|', StringSplitOptions.TrimEntries);
        return cells.Length > 3
            && (cells[1] == name || cells[1].StartsWith(name + " (", StringComparison.Ordinal))
            && cells[2] == version;
    }

    private static IReadOnlyList<(string Name, string Version)> ShippedPackages()
    {
        // The tests run from bin/<Configuration>/net10.0; the tool's own deps file sits in the same configuration.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var depsFile = Path.Combine(RepoPaths.Root, "src", "SiteGen", "bin", testOutput.Parent!.Name, testOutput.Name,
            "SiteGen.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        return deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .Select(library => library.Name.Split('/'))
            .Select(parts => (parts[0], parts[1]))
            .ToList();
    }
}
