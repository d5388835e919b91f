using System.Text;

namespace SiteGen.Search;

/// <summary>Groups terms into shards by <see cref="ShardKey"/> and writes one script per shard.</summary>
internal static class ShardWriter
{
    /// <summary>Keeps the folder listable and the per-query overhead of tiny files bounded.</summary>
    public const int MaxShards = 4096;

    public static WrittenFile[] Write(IndexFileSink sink, string dir, Dictionary<string, PostingList> postings, int targetBytes)
    {
        long estimate = 0;
        foreach (var (term, list) in postings)
        {
            estimate += Encoding.UTF8.GetByteCount(term) + list.Text.Length + 6;
        }

        var shardCount = (int)Math.Clamp((estimate + targetBytes - 1) / Math.Max(targetBytes, 1), 1, MaxShards);
        var groups = new List<string>[shardCount];
        for (var i = 0; i < shardCount; i++)
        {
            groups[i] = [];
        }

        foreach (var term in postings.Keys)
        {
            groups[ShardKey.Shard(term, shardCount)].Add(term);
        }

        var bytes = new WrittenFile[shardCount];
        Parallel.For(0, shardCount, i =>
        {
            var terms = groups[i];
            terms.Sort(StringComparer.Ordinal);
            bytes[i] = ScriptFile.Write(sink, Path.Combine(dir, i + ".js"), "t", i, json =>
            {
                var quoted = new byte[256];
                json.WriteStartObject();
                foreach (var term in terms)
                {
                    // Posting text is PostingCodec's alphabet, which JSON never escapes: copied between quotes as it is,
                    // not scanned for characters to escape.
                    var text = postings[term].Text.AsSpan();
                    if (quoted.Length < text.Length + 2)
                    {
                        quoted = new byte[Math.Max(text.Length + 2, quoted.Length * 2)];
                    }

                    quoted[0] = (byte)'"';
                    text.CopyTo(quoted.AsSpan(1));
                    quoted[text.Length + 1] = (byte)'"';
                    json.WritePropertyName(term);
                    json.WriteRawValue(quoted.AsSpan(0, text.Length + 2), skipInputValidation: true);
                }

                json.WriteEndObject();
            });
        });

        return bytes;
    }
}
