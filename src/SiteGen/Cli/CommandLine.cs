namespace SiteGen.Cli;

/// <summary>Entry point of the <c>sitegen</c> command.</summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("sitegen: not wired yet");
        return 2;
    }
}
