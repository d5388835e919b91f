using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace SiteGen.Cli;

/// <summary><c>sitegen --version</c>: the package version (the assembly's), the commit it was built from, KaTeX and .NET.</summary>
internal static class VersionInfo
{
    /// <summary>The version SiteGen was built and packed as, e.g. <c>0.1.0</c> (the project's &lt;Version&gt;).</summary>
    public static string Version { get; } = Informational().Split('+')[0];

    /// <summary>The commit the build came from (SourceLink adds it to the informational version), or null.</summary>
    public static string? Commit { get; } = Informational().Split('+') is [_, var sha, ..] ? sha[..Math.Min(12, sha.Length)] : null;

    public static string Describe() =>
        $"sitegen {Version}" + (Commit is null ? "" : $" (commit {Commit})") +
        $", KaTeX {SiteGen.Mathematics.KatexResources.Version}, .NET {Environment.Version}";

    /// <summary>Makes the root's <c>--version</c> print <see cref="Describe"/>.</summary>
    public static void Install(RootCommand root)
    {
        var option = root.Options.OfType<VersionOption>().Single();
        option.Action = new Print();
    }

    private static string Informational() =>
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionInfo).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    private sealed class Print : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Describe());
            return CommandLine.Success;
        }
    }
}
