using SiteGen.Build;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SiteGen.Cli;

/// <summary>
/// Shows a build's stages while it runs: a live list with a spinner on the running stage on a terminal,
/// one plain line per finished stage when piped, nothing under <c>--quiet</c>.
/// </summary>
internal static class BuildProgress
{
    public static T Run<T>(Terminal terminal, Func<T> build)
    {
        if (terminal.Quiet)
        {
            return build();
        }

        if (!terminal.Interactive)
        {
            using (StageTimer.Listen(new PlainLines(terminal.Output)))
            {
                return build();
            }
        }

        var result = default(T)!;
        terminal.Console.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn { CompletedText = "[green]✓[/]" }, new TaskDescriptionColumn { Alignment = Justify.Left }, new StageTimeColumn())
            .Start(context =>
            {
                using (StageTimer.Listen(new LiveList(context)))
                {
                    result = build();
                }
            });
        return result;
    }

    /// <summary>A line per finished stage, e.g. <c>  render          812 ms</c>: progress a CI log can show.</summary>
    private sealed class PlainLines(TextWriter output) : IStageListener
    {
        public void Started(string stage)
        {
        }

        public void Finished(string stage, long milliseconds) => output.WriteLine($"  {stage,-14} {milliseconds,7} ms");
    }

    /// <summary>One row per stage; the running one spins, finished ones show their time.</summary>
    private sealed class LiveList(ProgressContext context) : IStageListener
    {
        private readonly Stack<ProgressTask> _running = new();

        public void Started(string stage)
        {
            var task = context.AddTask(Markup.Escape(stage), maxValue: 1);
            task.IsIndeterminate = true;
            _running.Push(task);
        }

        public void Finished(string stage, long milliseconds)
        {
            if (!_running.TryPop(out var task))
            {
                return;
            }

            task.Tag = milliseconds;
            task.IsIndeterminate = false;
            task.Value = 1;
            task.StopTask();
        }
    }

    /// <summary>A running stage's seconds so far; a finished stage's milliseconds.</summary>
    private sealed class StageTimeColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            task.Tag is long milliseconds
                ? new Markup($"[grey]{milliseconds,6} ms[/]")
                : new Markup($"[blue]{task.ElapsedTime?.TotalSeconds ?? 0,6:0.0} s[/]");
    }
}
