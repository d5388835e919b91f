using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace SiteGen.Cli;

/// <summary>
/// Adds an "Examples:" section to <c>--help</c> of every command that has examples, after the options,
/// so each help page ends with lines the user can copy.
/// </summary>
internal static class HelpExamples
{
    // Weak: every CommandLine.Run builds its own commands (tests run many in one process).
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<(string Line, string What)>> Examples = [];

    /// <summary>Registers <paramref name="examples"/> for <paramref name="command"/>'s help.</summary>
    public static T With<T>(this T command, params (string Line, string What)[] examples)
        where T : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Makes the help option of <paramref name="root"/> (shared by every subcommand) print the examples too.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction standard)
        {
            help.Action = new WithExamples(standard);
        }
    }

    /// <summary>The standard help, then the command's examples.</summary>
    private sealed class WithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var result = standard.Invoke(parseResult);
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples) && examples.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                var width = examples.Max(e => e.Line.Length);
                foreach (var (line, what) in examples)
                {
                    output.WriteLine(string.IsNullOrEmpty(what) ? $"  {line}" : $"  {line.PadRight(width)}  # {what}");
                }

                output.WriteLine();
            }

            return result;
        }
    }
}
