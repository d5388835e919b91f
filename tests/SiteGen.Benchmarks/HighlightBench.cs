using System.Diagnostics;
using System.Globalization;
using System.Text;
using SiteGen.Build;
using SiteGen.Highlighting;
using SiteGen.Markdown;

namespace SiteGen.Benchmarks;

/// <summary>
/// Code highlighting cost. <c>quick-highlight [passes]</c>: ms per 1,000 lines per language, cold (first block of a
/// fresh process: TextMateSharp's registry, themes and the grammar load) and warm (median of the passes), beside
/// Markdig's plain rendering of the same block. <c>quick-highlight-site N plain|code|code-warm</c>: one whole build
/// of the N-article synthetic corpus, without code blocks or with two per article (cold or with the highlight cache
/// on disk); run each mode in its own process.
/// Run: <c>dotnet run -c Release --project tests/SiteGen.Benchmarks -- quick-highlight</c>.
/// </summary>
internal static class HighlightBench
{
    public static void Lines(int passes)
    {
        var process = Stopwatch.StartNew();
        using var highlighter = new CodeHighlighter(HighlightSettings.Default);
        var plain = MarkdownPipelineFactory.CreateBuilder().Build();
        foreach (var language in CodeSamples.Languages)
        {
            var lines = CodeSamples.Lines(language, 1_000, variant: 0);
            var (cold, coldWall, coldCpu) = Measure(() => highlighter.Highlight(highlighter.Resolve(language), lines));
            var warm = new List<double>();
            var warmCpu = new List<double>();
            var markdig = new List<double>();
            var tokenizeOnly = new List<double>();
            var options = new TextMateSharp.Grammars.RegistryOptions(TextMateSharp.Grammars.ThemeName.LightPlus);
            var grammar = new TextMateSharp.Registry.Registry(options).LoadGrammar(highlighter.Resolve(language).Scope);
            for (var pass = 1; pass <= passes; pass++)
            {
                // A different first line per pass: no pass is served from the highlighter's memory.
                var varied = CodeSamples.Lines(language, 1_000, variant: pass);
                var (_, wall, cpu) = Measure(() => highlighter.Highlight(highlighter.Resolve(language), varied));
                warm.Add(wall);
                warmCpu.Add(cpu);
                var fence = $"```{language}\n{string.Join('\n', varied)}\n```\n";
                markdig.Add(Measure(() => Markdig.Markdown.ToHtml(fence, plain)).Cpu);
                // The floor: TextMateSharp's own tokenizer over the same lines, no styles, no HTML.
                tokenizeOnly.Add(Measure(() =>
                {
                    TextMateSharp.Grammars.IStateStack? state = null;
                    foreach (var line in varied)
                    {
                        state = grammar.TokenizeLine(line, state, TimeSpan.FromSeconds(10)).RuleStack;
                    }

                    return state;
                }).Cpu);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{language,-7} 1,000 lines ({lines.Sum(l => l.Length + 1) / 1024.0:F1} KB): cold {coldWall:F0} ms wall / {coldCpu:F0} ms CPU; " +
                $"warm median {Median(warm):F0} ms wall / {Median(warmCpu):F0} ms CPU (CPU min {warmCpu.Min():F0}, max {warmCpu.Max():F0}); " +
                $"of which TextMateSharp tokenizing {Median(tokenizeOnly):F0} ms CPU; " +
                $"Markdig plain median {Median(markdig):F1} ms CPU, ratio {Median(warmCpu) / Math.Max(0.1, Median(markdig)):F0}x; " +
                $"{(cold.Complete ? "complete" : "INCOMPLETE")}, HTML {cold.Html!.Length / 1024.0:F0} KB"));
        }

        Console.WriteLine($"process {process.ElapsedMilliseconds} ms, CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} ms, {Environment.ProcessorCount} cores");
    }

    public static void Site(int articles, string mode)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitegen-highlight-site-{articles}-{mode}");
        var config = SyntheticSite.Create(dir, articles);
        var blocks = mode == "plain" ? 0 : AddCodeBlocks(config.ContentDir);
        // The formula cache is warmed first in every mode, so the builds differ by their code blocks only.
        var warmKatex = new SiteBuilder(TimeProvider.System).Build(config with { OutputDir = Path.Combine(dir, "warm-up") });
        if (mode != "code-warm")
        {
            foreach (var file in Directory.EnumerateFiles(config.CacheDir, "highlight-*.json"))
            {
                File.Delete(file);
            }
        }

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = new SiteBuilder(TimeProvider.System).Build(config);
        var wall = clock.ElapsedMilliseconds;
        process.Refresh();
        var lines = blocks == 0 ? 0 : Directory.EnumerateFiles(config.ContentDir).Sum(f => CountCodeLines(File.ReadAllLines(f)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles} articles, mode {mode}: {blocks} code blocks, {lines} code lines; build {wall} ms wall, " +
            $"{(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, {(result.Succeeded ? "ok" : "FAILED")}, warm-up build {warmKatex.StageMilliseconds.Values.Sum()} ms"));
        Console.WriteLine("stages: " + string.Join(", ", result.StageMilliseconds.Select(kv => $"{kv.Key} {kv.Value}")));
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Appends two code blocks to every page: Python, and one of C#, bash, YAML, JavaScript; each is distinct.</summary>
    private static int AddCodeBlocks(string contentDir)
    {
        var count = 0;
        foreach (var (file, i) in Directory.EnumerateFiles(contentDir, "*.md").Order(StringComparer.Ordinal).Select((f, i) => (f, i)))
        {
            var other = CodeSamples.Languages[1 + i % (CodeSamples.Languages.Length - 1)];
            var text = new StringBuilder("\n## 代码\n\n");
            foreach (var language in new[] { "python", other })
            {
                text.Append("```").Append(language).Append('\n')
                    .AppendJoin('\n', CodeSamples.Lines(language, 12, variant: i)).Append("\n```\n\n");
                count++;
            }

            File.AppendAllText(file, text.ToString());
        }

        return count;
    }

    private static int CountCodeLines(string[] lines)
    {
        var inside = false;
        var count = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inside = !inside;
            }
            else if (inside)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Wall clock and process CPU of <paramref name="work"/>, which runs on one thread: on a loaded machine the CPU time is the steadier number.</summary>
    private static (T Result, double Wall, double Cpu) Measure<T>(Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (result, wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>Realistic code in the five languages the tests cover, cut or repeated to any number of lines.</summary>
internal static class CodeSamples
{
    public static readonly string[] Languages = ["python", "csharp", "bash", "yaml", "js"];

    private static readonly Dictionary<string, string[]> Samples = new()
    {
        ["python"] =
        [
            "class LoRALinear(nn.Module):", "    \"\"\"Low-rank adaptation: W + (alpha / r) * B @ A.\"\"\"", "",
            "    def __init__(self, base: nn.Linear, r: int = 8, alpha: float = 16.0):", "        super().__init__()",
            "        self.A = nn.Parameter(torch.randn(r, base.in_features) * 0.01)  # small init",
            "        self.B = nn.Parameter(torch.zeros(base.out_features, r))", "        self.scale = alpha / r", "",
            "    def forward(self, x):", "        return self.base(x) + self.scale * (x @ self.A.T @ self.B.T)",
            "print(f\"params: {sum(p.numel() for p in model.parameters()):,}\")",
        ],
        ["csharp"] =
        [
            "public sealed record Page(string Title, string Slug)", "{", "    public string Url => $\"articles/{Slug}/\";", "}",
            "public static async Task<int> Main(string[] args)", "{", "    var pages = new List<Page> { new(\"你好\", \"hello\") };",
            "    foreach (var page in pages.Where(p => p.Slug.Length > 0)) { Console.WriteLine(page.Url); } // each", "    await Task.Delay(10);",
            "    return args.Length == 0 ? 0 : 1;", "}",
        ],
        ["bash"] =
        [
            "#!/usr/bin/env bash", "set -euo pipefail", "for dir in content static; do", "  if [[ -d \"$dir\" ]]; then",
            "    echo \"found ${dir}/ ($(ls \"$dir\" | wc -l) files)\"", "  fi", "done",
            "dotnet run --project src/SiteGen -- build --base-url /docs/ 2>&1 | tee build.log",
        ],
        ["yaml"] =
        [
            "title: 机器学习札记", "base_url: https://example.org/docs/", "page_size: 20", "highlight:", "  light: LightPlus",
            "  dark: DarkPlus", "taxonomy:", "  生成模型: [diffusion, \"normalizing flow\", VAE]", "katex:", "  macros:",
            "    \\RR: \\mathbb{R}", "enabled: true",
        ],
        ["js"] =
        [
            "const KEY = \"sitegen-theme\";", "export function toggle(root = document.documentElement) {",
            "  const next = root.dataset.theme === \"dark\" ? \"light\" : \"dark\";", "  root.dataset.theme = next;",
            "  try { localStorage.setItem(KEY, next); } catch (e) { /* private mode */ }", "  return next;", "}",
            "document.querySelectorAll(\".theme-toggle\").forEach((b) => b.addEventListener(\"click\", toggle));",
        ],
    };

    public static string[] Lines(string language, int count, int variant)
    {
        var sample = Samples[language];
        var comment = language is "python" or "bash" or "yaml" ? "#" : "//";
        return Enumerable.Range(0, count)
            .Select(i => i == 0 ? $"{comment} variant {variant}" : sample[i % sample.Length])
            .ToArray();
    }
}
