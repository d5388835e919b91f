using System.Text;

namespace SiteGen.Search;

/// <summary>
/// Writes the typo dictionary <c>y/&lt;n&gt;.js</c>: <c>{key: "term term …"}</c> for every deletion key of
/// every Latin term (<see cref="TypoKeys"/>), each file holding the keys that hash (FNV-1a, like
/// <see cref="ShardKey"/>) to it. Terms under a key are listed most documents first, so a reader that
/// keeps only a few candidates keeps the useful ones. Small files keep a query's 6–16 lookups cheap.
/// </summary>
internal static class TypoWriter
{
    public static WrittenFile[] Write(IndexFileSink sink, string dir, Dictionary<string, PostingList> postings, int targetBytes)
    {
        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (term, _) in postings)
        {
            var edits = TypoKeys.TermEdits(term);
            if (edits == 0)
            {
                continue;
            }

            foreach (var key in TypoKeys.Keys(term, edits))
            {
                if (!byKey.TryGetValue(key, out var terms))
                {
                    terms = [];
                    byKey.Add(key, terms);
                }

                terms.Add(term);
            }
        }

        long estimate = 0;
        foreach (var (key, terms) in byKey)
        {
            estimate += Encoding.UTF8.GetByteCount(key) + 6;
            foreach (var term in terms)
            {
                estimate += term.Length + 1;
            }
        }

        var fileCount = (int)Math.Clamp((estimate + targetBytes - 1) / Math.Max(targetBytes, 1), 1, ShardWriter.MaxShards);
        var groups = new List<string>[fileCount];
        for (var i = 0; i < fileCount; i++)
        {
            groups[i] = [];
        }

        foreach (var key in byKey.Keys)
        {
            groups[(int)(ShardKey.Hash(key) % (uint)fileCount)].Add(key);
        }

        var files = new WrittenFile[fileCount];
        Parallel.For(0, fileCount, i =>
        {
            var keys = groups[i];
            keys.Sort(StringComparer.Ordinal);
            files[i] = ScriptFile.Write(sink, Path.Combine(dir, i + ".js"), "y", i, json =>
            {
                json.WriteStartObject();
                foreach (var key in keys)
                {
                    var terms = byKey[key];
                    terms.Sort((a, b) => postings[b].DocumentCount.CompareTo(postings[a].DocumentCount) is var c && c != 0
                        ? c
                        : string.CompareOrdinal(a, b));
                    json.WriteString(key, string.Join(' ', terms));
                }

                json.WriteEndObject();
            });
        });

        return files;
    }
}
