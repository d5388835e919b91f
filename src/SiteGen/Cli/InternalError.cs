using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>
/// What the user sees when something the diagnostics do not cover goes wrong: one line with a stable code and
/// exit code 1, never a stack trace (that only with <c>--verbose</c>). A file-system failure (disk full,
/// permissions) is the user's to fix and says so (SG0701); anything else is a SiteGen bug (SG0700).
/// </summary>
public static class InternalError
{
    public const string VerboseFlag = "--verbose";

    /// <summary>Accepted by every command (a new option per command tree).</summary>
    public static Option<bool> CreateVerboseOption() => new(VerboseFlag)
    {
        Description = "Print the stack trace of an internal error",
        Recursive = true,
    };

    public static int Report(Exception exception, bool verbose, TextWriter errors)
    {
        var e = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : exception;
        var line = e is IOException or UnauthorizedAccessException
            ? $"sitegen: error SG0701: {e.Message.TrimEnd('.')}; check the folder's permissions and free space"
            : $"sitegen: error SG0700: internal error ({e.GetType().Name}: {e.Message.TrimEnd('.')}); this is a bug in SiteGen, " +
              $"please report it{(verbose ? " with the stack trace below" : $" with the output of the same command run with {VerboseFlag}")}";
        errors.WriteLine(line);
        if (verbose)
        {
            errors.WriteLine(exception);
        }

        return CommandLine.BuildFailed;
    }
}
