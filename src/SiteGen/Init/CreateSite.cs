using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Init;

/// <summary>What <see cref="CreateSite"/> did, relative to the site folder.</summary>
public sealed record CreateSiteResult(bool Created, IReadOnlyList<string> Written, IReadOnlyList<string> Kept);

/// <summary>
/// <c>sitegen init</c>: writes <see cref="SiteScaffold"/> into a folder. A folder that already holds a
/// site (its <c>sitegen.yml</c> or the sample feed) is refused unless forced; even then nothing but those
/// files is replaced: pages, other feeds and templates stay, an existing README is kept and an existing
/// <c>.gitignore</c> only gains the lines it lacks.
/// </summary>
public sealed class CreateSite
{
    public const string ExistsCode = "SG0911";
    public const string WriteFailedCode = "SG0912";

    public CreateSiteResult Run(string directory, InitSettings settings, bool force, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(directory);
        if (File.Exists(root))
        {
            diagnostics.Error(ExistsCode, directory, 0, 0, "is a file, not a folder; choose a folder for the new site");
            return new CreateSiteResult(false, [], []);
        }

        var files = SiteScaffold.Files(settings);
        var clashes = files.Where(f => f.RelativePath is LoadConfig.FileName or SiteScaffold.SampleFeed)
            .Where(f => File.Exists(Path.Combine(root, f.RelativePath))).Select(f => f.RelativePath).ToList();
        if (clashes.Count > 0 && !force)
        {
            diagnostics.Error(ExistsCode, Path.Combine(directory, clashes[0]), 0, 0,
                $"this folder already holds a site ({string.Join(", ", clashes)}); pass --force to rewrite {string.Join(" and ", clashes)} " +
                "(pages, other feeds and templates are kept), or choose an empty folder");
            return new CreateSiteResult(false, [], []);
        }

        var written = new List<string>();
        var kept = new List<string>();
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "content"));
            foreach (var file in files)
            {
                var path = Path.Combine(root, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                switch (file.RelativePath)
                {
                    case ".gitignore" when File.Exists(path):
                        if (MergeGitIgnore(path))
                        {
                            written.Add(file.RelativePath);
                        }
                        else
                        {
                            kept.Add(file.RelativePath);
                        }

                        break;
                    case "README.md" when File.Exists(path):
                        kept.Add(file.RelativePath);
                        break;
                    default:
                        File.WriteAllText(path, file.Text);
                        written.Add(file.RelativePath);
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(WriteFailedCode, directory, 0, 0, $"cannot write the new site: {e.Message}; check the folder's permissions and free space");
            return new CreateSiteResult(false, written, kept);
        }

        return new CreateSiteResult(true, written, kept);
    }

    /// <summary>Appends the ignore lines a user's <c>.gitignore</c> lacks; false when it had them all.</summary>
    private static bool MergeGitIgnore(string path)
    {
        var text = File.ReadAllText(path);
        var present = text.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = SiteScaffold.IgnoredPaths.Where(p => !present.Contains(p)).ToList();
        if (missing.Count == 0)
        {
            return false;
        }

        var prefix = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
        File.AppendAllText(path, prefix + "# SiteGen: build output and build state\n" + string.Join("\n", missing) + "\n");
        return true;
    }
}
