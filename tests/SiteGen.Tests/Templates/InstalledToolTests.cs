using System.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Templates;

/// <summary>
/// The tool as a new user gets it: packed, installed into a temporary tool path from a local feed only, and run
/// in a folder that holds nothing but feeds; the theme comes from inside the tool.
/// </summary>
public sealed class InstalledToolTests
{
    [Fact]
    public void InstalledToolBuildsAFolderOfOnlyFeeds()
    {
        using var work = new TempDir();
        var project = Path.Combine(RepoPaths.Root, "src", "SiteGen");
        // The test run has built SiteGen already; pack exactly that build.
        Run("dotnet", $"pack \"{project}\" -c {Configuration} --no-build -o \"{work.Combine("nupkg")}\"", RepoPaths.Root, work);
        work.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{work.Combine("nupkg")}" />
              </packageSources>
            </configuration>
            """);
        Run("dotnet", $"tool install SiteGen --tool-path \"{work.Combine("tools")}\" --configfile \"{work.Combine("nuget.config")}\"", work.Path, work);

        var site = Directory.CreateDirectory(work.Combine("site-folder")).FullName;
        Directory.CreateDirectory(Path.Combine(site, "seeds"));
        foreach (var feed in Directory.EnumerateFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Take(2))
        {
            File.Copy(feed, Path.Combine(site, "seeds", Path.GetFileName(feed)));
        }

        var output = Run(work.Combine("tools", "sitegen"), "build", site, work);
        Assert.Contains("0 error(s)", output);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">跳到正文</a>", File.ReadAllText(Path.Combine(site, "site", "index.html")));
        Assert.True(File.Exists(Path.Combine(site, "site", "assets", "site.css")));
        Assert.True(File.Exists(Path.Combine(site, "site", "assets", "search.js")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(site, "content"), "*.md"));
        Assert.False(Directory.Exists(Path.Combine(site, "templates")));
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string Run(string file, string arguments, string workingDirectory, TempDir work)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A private package folder: an installed SiteGen 0.1.0 from an earlier run must not stand in for this build.
        if (arguments.StartsWith("tool ", StringComparison.Ordinal))
        {
            start.Environment["NUGET_PACKAGES"] = work.Combine("nuget-packages");
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {arguments} did not finish");
        var text = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited {process.ExitCode}:\n{text}");
        return text;
    }
}
