using SiteGen.Cli;

namespace SiteGen.Tests.Cli;

/// <summary>Help that teaches: every help page ends with examples; a typo gets the closest command or option.</summary>
[Collection("Console")]
public sealed class HelpTests
{
    public static TheoryData<string> Commands => new() { "init", "build", "serve", "check", "deploy" };

    [Fact]
    public void RootHelpListsTheCommandsInWorkflowOrderWithExamples()
    {
        var help = CliRun.Run("--help");
        Assert.Equal(0, help.Exit);
        var order = new[] { "init", "build", "serve", "check", "deploy" }.Select(c => help.Stdout.IndexOf($"\n  {c} ", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0, help.ToString()));
        Assert.Equal(order.Order(), order);
        Assert.Contains("Examples:\n  sitegen init my-site", help.Stdout.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EachCommandsHelpEndsWithAnExampleOfThatCommand(string command)
    {
        var help = CliRun.Run(command, "--help");
        Assert.Equal(0, help.Exit);
        var text = help.Stdout.ReplaceLineEndings("\n");
        var examples = text[(text.IndexOf("Examples:\n", StringComparison.Ordinal) + 10)..];
        Assert.StartsWith($"  sitegen {command}", examples);
        Assert.True(text.IndexOf("Options:", StringComparison.Ordinal) < text.IndexOf("Examples:", StringComparison.Ordinal), text);
        Assert.Equal(command != "serve", text.Contains("--quiet", StringComparison.Ordinal));
    }

    [Fact]
    public void BareSitegenShowsTheHelpAndIsBadUsage()
    {
        var run = CliRun.Run();
        Assert.Equal(2, run.Exit);
        Assert.Contains("Commands:", run.Stdout);
        Assert.DoesNotContain("Required command", run.Stderr);
    }

    [Theory]
    [InlineData("biuld", "build")]
    [InlineData("deploi", "deploy")]
    [InlineData("serv", "serve")]
    [InlineData("chekc", "check")]
    [InlineData("int", "init")]
    public void AMistypedCommandSuggestsTheClosestOne(string typed, string meant)
    {
        var run = CliRun.Run(typed);
        Assert.Equal(2, run.Exit);
        Assert.Contains($"error SG0001: ", run.Stderr);
        Assert.Contains($"Did you mean '{meant}'?", run.Stderr);
        Assert.Contains("Run 'sitegen --help' for usage.", run.Stderr);
    }

    [Fact]
    public void AMistypedOptionSuggestsTheClosestOptionOfThatCommand()
    {
        var run = CliRun.Run("build", "--base-ulr", "https://example.org/");
        Assert.Equal(2, run.Exit);
        Assert.Contains("Did you mean '--base-url'?", run.Stderr);
        Assert.Contains("Run 'sitegen build --help' for usage.", run.Stderr);

        var deploy = CliRun.Run("deploy", "--dryrun");
        Assert.Contains("Did you mean '--dry-run'?", deploy.Stderr);
    }

    [Theory]
    [InlineData("xyzzy")]
    [InlineData("publish-everything")]
    public void AWordFarFromEveryCommandGetsNoSuggestion(string typed)
    {
        var run = CliRun.Run(typed);
        Assert.Equal(2, run.Exit);
        Assert.DoesNotContain("Did you mean", run.Stderr);
    }

    [Theory]
    [InlineData("buidl", "build")]
    [InlineData("dep", "deploy")]
    [InlineData("--strct", "--strict")]
    public void ClosestCountsASwapOfNeighboursAsOneEditAndTakesAUniquePrefix(string word, string expected)
    {
        Assert.Equal(expected, UsageErrors.Closest(word, ["build", "check", "deploy", "init", "serve", "--strict", "--seeds"]));
    }

    [Fact]
    public void VersionIsTheAssemblysVersion()
    {
        var run = CliRun.Run("--version");
        Assert.Equal(0, run.Exit);
        var version = typeof(CommandLine).Assembly.GetName().Version!.ToString(3);
        Assert.StartsWith($"sitegen {version}", run.Stdout);
        Assert.Contains("KaTeX ", run.Stdout);
    }
}
