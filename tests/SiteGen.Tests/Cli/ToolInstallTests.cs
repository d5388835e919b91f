using System.Diagnostics;
using SiteGen.Deploy;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>
/// SiteGen as a real dotnet tool: packed from this build, installed into a temporary tool path from a
/// local folder only (no other package source, a private package cache), then used in an empty folder
/// the way a new user would: init, build, check, deploy --to.
/// </summary>
[Trait("Category", "Tool")]
public sealed class ToolInstallTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void PackedToolInstallsAndTakesANewUserFromInitToADeployedSite()
    {
        using var work = new TempDir();
        var packages = work.Combine("nupkg");
        var version = typeof(SiteGen.Cli.CommandLine).Assembly.GetName().Version!.ToString(3);
        Dotnet(work, RepoPaths.Root, "pack", Path.Combine(RepoPaths.Root, "src", "SiteGen"), "--no-build", "-c", Configuration,
            "-o", packages, "-p:NuspecOutputPath=" + work.Combine("nuspec"));
        var package = Assert.Single(Directory.GetFiles(packages, "*.nupkg"));
        Assert.Equal($"SiteGen.{version}.nupkg", Path.GetFileName(package));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
            var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
            Assert.Contains("<readme>README.md</readme>", nuspec);
            Assert.Contains("<packageType name=\"DotnetTool\" />", nuspec);
            Assert.DoesNotContain("<icon", nuspec);
        }

        File.WriteAllText(work.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = work.Combine("tools");
        Dotnet(work, work.Path, "tool", "install", "SiteGen", "--tool-path", tools, "--configfile", work.Combine("nuget.config"), "--version", version);
        var sitegen = Path.Combine(tools, OperatingSystem.IsWindows() ? "sitegen.exe" : "sitegen");
        Assert.True(File.Exists(sitegen), $"{sitegen} was not installed");

        var folder = work.Combine("my-site");
        Directory.CreateDirectory(folder);
        Assert.StartsWith($"sitegen {version}", Tool(work, sitegen, folder, "--version"));
        Tool(work, sitegen, folder, "init");
        var built = Tool(work, sitegen, folder, "build");
        Assert.Contains("0 error(s)", built);
        Assert.True(File.Exists(Path.Combine(folder, "site", "index.html")));
        Assert.Contains(": 0 broken", Tool(work, sitegen, folder, "check"));
        var www = work.Combine("www");
        Assert.Contains("deployed site to " + www, Tool(work, sitegen, folder, "deploy", "--to", www));
        Assert.Equal(TestSites.Files(Path.Combine(folder, "site")), TestSites.Files(www, MirrorFolder.Marker));
        // The site's own folder holds what init wrote and what the build made, and no copy of the theme.
        Assert.False(Directory.Exists(Path.Combine(folder, "templates")));
    }

    private static void Dotnet(TempDir work, string workingDirectory, params string[] args)
    {
        var (exit, output) = Start(work, "dotnet", workingDirectory, args);
        Assert.True(exit == 0, $"dotnet {string.Join(' ', args)} failed ({exit}):\n{output}");
    }

    private static string Tool(TempDir work, string sitegen, string workingDirectory, params string[] args)
    {
        var (exit, output) = Start(work, sitegen, workingDirectory, args);
        Assert.True(exit == 0, $"sitegen {string.Join(' ', args)} failed ({exit}):\n{output}");
        return output;
    }

    private static (int Exit, string Output) Start(TempDir work, string file, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (args is ["tool", "install", ..])
        {
            // A private package cache: an earlier SiteGen of the same version must not be installed instead of this one.
            start.Environment["NUGET_PACKAGES"] = work.Combine("nuget-packages");
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The installed tool's launcher finds the runtime that runs these tests.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish within 10 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
