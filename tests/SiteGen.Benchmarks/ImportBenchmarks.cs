using System.Text;
using BenchmarkDotNet.Attributes;
using SiteGen.Config;
using SiteGen.Import;

namespace SiteGen.Benchmarks;

/// <summary>
/// Deduplicating 100k synthetic feed entries (random Chinese articles of 200–400 characters, with exact,
/// truncated and lightly edited copies mixed in). Recorded in <c>docs/benchmarks.md</c>.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private List<FeedEntry> _entries = [];

    [Params(100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _entries = new List<FeedEntry>(Entries);
        string? previous = null;
        while (_entries.Count < Entries)
        {
            var length = random.Next(200, 400);
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                builder.Append(random.Next(12) == 0 ? ' ' : (char)(0x4E00 + random.Next(20_000)));
            }
            var text = builder.ToString().Trim();
            _entries.Add(Entry(text));
            // Roughly one entry in ten is a copy: exact, truncated, or the previous article with a few edits.
            switch (random.Next(30))
            {
                case 0: _entries.Add(Entry(text)); break;
                case 1: _entries.Add(Entry(text[..(text.Length * 4 / 5)] + "...")); break;
                case 2 when previous is not null: _entries.Add(Entry(previous.Replace(previous[10], '改'))); break;
            }
            previous = text;
        }
    }

    [Benchmark]
    public int Deduplicate() => new DeduplicateArticles().Deduplicate(_entries, new SiteConfig()).Articles.Count;

    private FeedEntry Entry(string text) => new("bench.txt", "seeds/bench.txt", _entries.Count + 1, text);
}
