using System.Text.Json;
using SiteGen.Common;

namespace SiteGen.Search;

/// <summary>
/// Writes the client-side search index under <c>&lt;site&gt;/search/</c>: <c>meta.js</c>, <c>q.js</c> (what a
/// query needs before it looks anything up: the traditional → simplified fold table and the synonyms),
/// term shards <c>t/&lt;n&gt;.js</c> (a query loads only the shards of its terms), the typo dictionary
/// <c>y/&lt;n&gt;.js</c> (loaded only for a misspelt word) and document fragments <c>d/&lt;n&gt;.js</c>
/// (title, URL, text for snippets, section anchors), loaded only for shown results.
/// </summary>
public sealed class BuildSearchIndex(SearchIndexOptions? options = null)
{
    /// <summary>Bumped whenever the file format changes; search.js refuses other versions.</summary>
    public const int FormatVersion = 2;

    private const int Batch = 256;
    private readonly SearchIndexOptions _options = options ?? SearchIndexOptions.Default;

    /// <summary>Writes the index into <paramref name="siteOutputDir"/><c>/search/</c>, replacing the index folders there.</summary>
    public SearchIndexResult Run(IReadOnlyList<SearchDocument> documents, string siteOutputDir)
    {
        // Only our own subfolders: search/index.html belongs to the page writer.
        foreach (var dir in new[] { "d", "t", "y" }.Select(d => Path.Combine(siteOutputDir, "search", d)))
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            Directory.CreateDirectory(dir);
        }

        return Run(documents, siteOutputDir, (path, bytes) => File.WriteAllBytes(path, bytes));
    }

    /// <summary>
    /// Hands every file of the index, as <paramref name="siteOutputDir"/><c>/search/…</c>, to <paramref name="sink"/>
    /// (a build writes only the files whose bytes changed).
    /// </summary>
    /// <param name="analyses">
    /// Where each document's analysis and the merged posting lists are kept between builds (none: every document is
    /// tokenized and merged). When the documents are the last index's plus appended ones, only those are merged.
    /// </param>
    /// <param name="keep">Says which files of the last index are still in place; those that would be the same are not handed to the sink.</param>
    public SearchIndexResult Run(IReadOnlyList<SearchDocument> documents, string siteOutputDir, IndexFileSink sink, ISearchAnalysisStore? analyses = null,
        IndexFileKeeper? keep = null)
    {
        var root = Path.Combine(siteOutputDir, "search");
        var fragmentDir = Path.Combine(root, "d");
        var shardDir = Path.Combine(root, "t");
        var typoDir = Path.Combine(root, "y");

        var n = documents.Count;
        var lengths = new int[n];
        var extracted = new IReadOnlyList<ExtractedBlock>?[n];
        var keys = analyses is null ? null : new string[n];
        Parallel.For(0, n, i =>
        {
            var doc = documents[i];
            if (doc is { Blocks: null, LoadBlocks: not null, BlocksLength: { } length, BlocksKey: not null })
            {
                // Known by key and length: the blocks are read only if the document is analysed again.
                lengths[i] = length;
                keys?[i] = DocumentAnalysis.KeyOf(doc, [], _options);
                return;
            }

            var blocks = extracted[i] = doc.Blocks ?? SearchTextExtractor.Extract(doc.BodyHtml);
            lengths[i] = blocks.Sum(b => b.Text.Length);
            keys?[i] = DocumentAnalysis.KeyOf(doc, blocks, _options);
        });

        PreparedDocument Prepared(int i)
        {
            var doc = documents[i];
            return new PreparedDocument(doc.Title, extracted[i] ?? doc.LoadBlocks!(), doc.Tags, lengths[i]);
        }

        var averageLength = n == 0 ? 1 : Bm25.RoundedAverage(lengths.Average(l => (double)l));
        var snapshot = analyses?.FindPostings() is { } kept ? IndexSnapshot.Decode(kept, keys!, averageLength) : null;

        var known = snapshot?.DocumentKeys.Length ?? 0;
        for (var i = 0; i < known; i++)
        {
            analyses!.Touch(keys![i]);
        }

        var fragments = new byte[n][];
        var fragmentLengths = new int[n];
        snapshot?.FragmentLengths.CopyTo(fragmentLengths, 0);

        // Terms are split between the cores by hash, each part with its own dictionary, so merging a batch's
        // entries into the posting lists runs on every core too; each list still receives its documents in order.
        var parts = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount))
            .Select(_ => new Dictionary<string, PostingList>(StringComparer.Ordinal)).ToArray();
        foreach (var (term, list) in snapshot?.Postings ?? [])
        {
            parts[PartOf(term, parts.Length)].Add(term, list);
        }

        for (var start = known; start < n; start += Batch)
        {
            var count = Math.Min(Batch, n - start);
            var batch = new DocumentAnalysis[count];
            Parallel.For(0, count, k =>
            {
                var i = start + k;
                batch[k] = Analyze(documents[i], () => Prepared(i), keys?[i], analyses);
                fragments[i] = batch[k].Fragment;
                fragmentLengths[i] = fragments[i].Length;
            });

            Parallel.For(0, parts.Length, p =>
            {
                var part = parts[p];
                for (var k = 0; k < count; k++)
                {
                    var length = batch[k].Length;
                    foreach (var term in batch[k].Terms)
                    {
                        if (PartOf(term.Term, parts.Length) != p)
                        {
                            continue;
                        }

                        if (!part.TryGetValue(term.Term, out var list))
                        {
                            list = new PostingList();
                            part.Add(term.Term, list);
                        }

                        var flags = (Bm25.Impact(term.WeightedTf, length, averageLength) * 2) + (term.Title ? 1 : 0);
                        list.Add(start + k, flags, term.Positions);
                    }
                }
            });
        }

        var perFile = FragmentsPerFile(fragmentLengths, _options.TargetFragmentFileBytes);
        var chunks = (n + perFile - 1) / perFile;
        var fragmentFiles = new WrittenFile[chunks];
        Parallel.For(0, chunks, c =>
        {
            var path = Path.Combine(fragmentDir, c + ".js");
            var (first, end) = (c * perFile, Math.Min(n, (c + 1) * perFile));
            if (snapshot is not null && snapshot.FragmentsPerFile == perFile && end <= known && c < snapshot.FragmentFiles.Length && keep?.Invoke(path) == true)
            {
                // The same documents as last time, so the same bytes: the file stays as it is.
                fragmentFiles[c] = snapshot.FragmentFiles[c];
                return;
            }

            var chunk = new byte[end - first][];
            for (var i = first; i < end; i++)
            {
                chunk[i - first] = fragments[i] ?? Analyze(documents[i], () => Prepared(i), keys?[i], analyses).Fragment;
            }

            fragmentFiles[c] = DocumentFragment.WriteChunk(sink, path, c, chunk);
        });
        fragments = [];

        // The writers sort what they write, so the order terms are gathered in does not reach the files. Gathered in
        // order all the same, which the snapshot then finds sorted: each part holds the last index's terms in order and
        // then this build's new ones, so each part is sorted on a core of its own and the parts merged.
        var sortedParts = new (string[] Keys, PostingList[] Values)[parts.Length];
        Parallel.For(0, parts.Length, p => sortedParts[p] = OrdinalSort.ByKey(parts[p]));
        var (sortedTerms, sortedLists) = OrdinalSort.Merge(sortedParts);
        var postings = new Dictionary<string, PostingList>(sortedTerms.Length, StringComparer.Ordinal);
        for (var i = 0; i < sortedTerms.Length; i++)
        {
            postings.Add(sortedTerms[i], sortedLists[i]);
        }

        parts = [];
        var shardFiles = ShardWriter.Write(sink, shardDir, postings, _options.TargetShardBytes);
        var typoFiles = TypoWriter.Write(sink, typoDir, postings, _options.TargetTypoFileBytes);
        var queryFile = QueryData.Write(sink, Path.Combine(root, "q.js"), _options.Synonyms);
        var buildId = ScriptFile.BuildId(shardFiles.Concat(fragmentFiles).Concat(typoFiles).Append(queryFile).Select(f => f.Hash));
        var meta = ScriptFile.Write(sink, Path.Combine(root, "meta.js"), "m", 0, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("v", FormatVersion);
            json.WriteNumber("n", n);
            json.WriteNumber("s", shardFiles.Length);
            json.WriteNumber("k", ShardKey.PrefixLength);
            json.WriteNumber("f", perFile);
            json.WriteNumber("y", typoFiles.Length);
            json.WriteString("b", buildId);
            json.WriteEndObject();
        });

        if (analyses is not null && (snapshot is null || known < n))
        {
            analyses.KeepPostings(new IndexSnapshot
            {
                DocumentKeys = keys!, AverageLength = averageLength, FragmentLengths = fragmentLengths, FragmentsPerFile = perFile,
                FragmentFiles = fragmentFiles, Postings = postings,
            }.Encode());
        }

        var total = meta.Bytes + queryFile.Bytes + shardFiles.Sum(f => f.Bytes) + fragmentFiles.Sum(f => f.Bytes)
                    + typoFiles.Sum(f => f.Bytes);
        return new SearchIndexResult(n, postings.Count, shardFiles.Length, total);
    }

    private static int PartOf(string term, int parts) => (int)((uint)StringComparer.Ordinal.GetHashCode(term) % (uint)parts);

    /// <summary>The document's analysis: kept from an earlier build when its key matches, else made (one tokenization) and kept.</summary>
    private DocumentAnalysis Analyze(SearchDocument doc, Func<PreparedDocument> prepare, string? key, ISearchAnalysisStore? analyses)
    {
        if (key is not null && analyses!.Find(key) is { } kept && DocumentAnalysis.Decode(kept, TermInterner.Current) is { } known)
        {
            return known;
        }

        var prepared = prepare();
        // One tokenization per document gives both its terms and where its blocks start, which the fragment needs.
        var (terms, blockStarts) = DocumentTerms.Collect(prepared, _options.MaxPositions);
        var fragment = DocumentFragment.Serialize(doc, prepared.Blocks, blockStarts, _options.MaxFragmentChars);
        var analysis = new DocumentAnalysis(fragment, prepared.Length, terms);
        if (key is not null)
        {
            analyses!.Keep(key, analysis.Encode());
        }

        return analysis;
    }

    private static int FragmentsPerFile(int[] fragmentLengths, int targetBytes)
    {
        if (fragmentLengths.Length == 0)
        {
            return 1;
        }

        var average = fragmentLengths.Average(f => (double)f);
        return Math.Clamp((int)(targetBytes / average), 1, 64);
    }
}
