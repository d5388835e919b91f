using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>Commands besides <c>build</c> (<c>check</c>, <c>serve</c>), registered as they land.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create(BuildOptions options) => [];
}
