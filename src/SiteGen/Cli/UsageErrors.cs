using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>
/// Prints what was wrong with a command line (<c>SG0001</c>), the closest command or option to each
/// unrecognised word ("did you mean 'build'?"), and where the help is.
/// </summary>
internal static class UsageErrors
{
    public static int Report(ParseResult result, TextWriter error)
    {
        foreach (var problem in result.Errors)
        {
            error.WriteLine($"sitegen: error SG0001: {problem.Message}");
        }

        var command = result.CommandResult.Command;
        foreach (var token in result.UnmatchedTokens)
        {
            if (Closest(token, Candidates(command, token)) is { } suggestion)
            {
                error.WriteLine($"Did you mean '{suggestion}'?");
            }
        }

        error.WriteLine($"Run '{Path(command)} --help' for usage.");
        return CommandLine.BadUsage;
    }

    /// <summary>
    /// The candidate closest to <paramref name="word"/> by edit distance (a swap of two neighbours counts
    /// once), or a unique one it is a prefix of; null when nothing is close enough to be a likely typo.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var bare = word.TrimStart('-').ToLowerInvariant();
        if (bare.Length == 0)
        {
            return null;
        }

        var all = candidates.Distinct(StringComparer.Ordinal).ToList();
        var byDistance = all
            .Select(c => (Name: c, Distance: Distance(bare, c.TrimStart('-').ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(1, c.Name.TrimStart('-').Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        if (byDistance.Count > 0)
        {
            return byDistance[0].Name;
        }

        var prefixed = all.Where(c => c.TrimStart('-').StartsWith(bare, StringComparison.OrdinalIgnoreCase)).ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    private static IEnumerable<string> Candidates(Command command, string token)
    {
        if (!token.StartsWith('-'))
        {
            return command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name));
        }

        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }

    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(' ', names.Prepend("sitegen"));
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
