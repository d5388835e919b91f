using SiteGen.Common;

namespace SiteGen.Search;

/// <summary>
/// Writes <c>q.js</c>: <c>{f: fold table, s: synonyms}</c>. <c>f</c> is <see cref="ChineseFold.TableText"/>
/// (each traditional character followed by its simplified one, about 22 kB, the same for every site), so
/// search.js tokenizes exactly as the index did; <c>s</c> maps each synonym key to its values, as written
/// in sitegen.yml (search.js tokenizes them with the query).
/// </summary>
internal static class QueryData
{
    public static WrittenFile Write(IndexFileSink sink, string path, IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms) =>
        ScriptFile.Write(sink, path, "q", 0, json =>
        {
            json.WriteStartObject();
            json.WriteString("f", ChineseFold.TableText);
            json.WriteStartObject("s");
            var (keys, lists) = OrdinalSort.ByKey(synonyms);
            for (var i = 0; i < keys.Length; i++)
            {
                json.WriteStartArray(keys[i]);
                foreach (var value in lists[i])
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }, $"Character tables of OpenCC (Apache-2.0), from npm opencc-js {ChineseFold.Version}");
}
