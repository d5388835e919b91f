using System.Security.Cryptography;
using System.Text;
using SiteGen.Common;
using SiteGen.Diagnostics;

namespace SiteGen.Deploy;

/// <summary>Where and how <see cref="PublishToGit"/> publishes.</summary>
/// <param name="Remote">A URL git understands, or a local path (a bare repository, or any repository).</param>
/// <param name="StateDir">A folder SiteGen may keep a repository in between deploys (the build state folder).</param>
public sealed record GitDeployRequest(string SiteDir, string Remote, string Branch, string Message, string StateDir, bool DryRun = false);

/// <summary>What a git deploy did; <see cref="Commit"/> is null when nothing changed or in a dry run.</summary>
public sealed record GitDeployResult(string? Commit, string? Parent, int Added, int Modified, int Deleted, bool UpToDate, bool KeptCname);

/// <summary>
/// <c>sitegen deploy --git</c>: publishes the site as one new commit on a branch of a repository, on top of
/// the branch's history (the first deploy creates the branch). It works in a bare repository of its own
/// under the state folder, with a temporary index and the site folder as work tree, so the user's
/// repository, working tree and index are never touched, and pushes without force: if someone else moved
/// the branch meanwhile, the push is refused and nothing is lost. The tree is exactly the site's files
/// (a deleted page disappears), plus <c>.nojekyll</c> for GitHub Pages, plus the branch's <c>CNAME</c>,
/// which is where GitHub Pages keeps a custom domain.
/// </summary>
public sealed class PublishToGit(GitRunner git)
{
    public const string GitMissingCode = "SG0907";
    public const string GitFailedCode = "SG0908";
    public const string BranchMovedCode = "SG0909";
    public const string BadBranchCode = "SG0913";

    private const string TipRef = "refs/sitegen/tip";

    public GitDeployResult? Run(GitDeployRequest request, DiagnosticBag diagnostics)
    {
        try
        {
            return Publish(request, diagnostics);
        }
        catch (GitNotFoundException e)
        {
            diagnostics.Error(GitMissingCode, "git", 0, 0, $"{e.Message}; install git (e.g. apt-get install git) and deploy again");
            return null;
        }
        catch (GitFailedException e)
        {
            diagnostics.Error(GitFailedCode, Redact(request.Remote), 0, 0, Redact(request.Remote, e.Message));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(GitFailedCode, Redact(request.Remote), 0, 0, $"cannot prepare the deploy: {e.Message}; check the permissions of '{request.StateDir}' and '{request.SiteDir}'");
            return null;
        }
    }

    private GitDeployResult? Publish(GitDeployRequest request, DiagnosticBag diagnostics)
    {
        if (!git.Run(null, "check-ref-format", "--branch", request.Branch).Succeeded || request.Branch.StartsWith('-'))
        {
            diagnostics.Error(BadBranchCode, "--branch", 0, 0, $"'{request.Branch}' is not a valid branch name; use e.g. gh-pages or pages");
            return null;
        }

        var remote = Directory.Exists(request.Remote) ? Path.GetFullPath(request.Remote) : request.Remote;
        var site = Path.GetFullPath(request.SiteDir);
        var (files, _) = SiteFiles.Walk(site, request.SiteDir, diagnostics);
        var repo = new StateRepository(git, Path.Combine(Path.GetFullPath(request.StateDir), "deploy", Key(remote)));
        repo.Open();

        var listed = repo.Must($"cannot reach '{Redact(request.Remote)}'", null, null, "ls-remote", "--heads", "--", remote, "refs/heads/" + request.Branch);
        string? parent = null;
        if (listed.Stdout.Trim().Length > 0)
        {
            // Only the tip is needed: its tree tells what changed, and the push then sends just that.
            repo.Must($"cannot fetch branch '{request.Branch}' of '{Redact(request.Remote)}'", null, null,
                "fetch", "--quiet", "--no-tags", "--depth", "1", "--", remote, $"+refs/heads/{request.Branch}:{TipRef}");
            parent = repo.Must("cannot read the fetched branch", null, null, "rev-parse", "--verify", TipRef + "^{commit}").Stdout.Trim();
        }

        var index = Path.Combine(repo.GitDir, $"sitegen-index-{Guid.NewGuid():N}");
        try
        {
            var withIndex = new Dictionary<string, string?> { ["GIT_INDEX_FILE"] = index, ["GIT_LITERAL_PATHSPECS"] = "1" };
            var paths = string.Concat(files.Select(f => f.RelativePath + "\0"));
            repo.MustWithInput("cannot stage the site", site, withIndex, paths,
                "--work-tree", site, "add", "--force", "--pathspec-from-file=-", "--pathspec-file-nul");
            var present = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            if (!present.Contains(".nojekyll"))
            {
                // GitHub Pages would otherwise run Jekyll, which hides files and folders starting with '_'.
                var empty = repo.MustWithInput("cannot write .nojekyll", null, null, "", "hash-object", "-w", "--stdin").Stdout.Trim();
                repo.Must("cannot stage .nojekyll", null, withIndex, "update-index", "--add", "--cacheinfo", $"100644,{empty},.nojekyll");
            }

            var keptCname = false;
            if (parent is not null && !present.Contains("CNAME"))
            {
                var cname = repo.Must("cannot read the branch", null, null, "ls-tree", "-z", parent, "--", "CNAME").Stdout.TrimEnd('\0');
                if (cname.Length > 0 && cname.Split('\t')[0].Split(' ') is [var mode, "blob", var sha])
                {
                    repo.Must("cannot keep CNAME", null, withIndex, "update-index", "--add", "--cacheinfo", $"{mode},{sha},CNAME");
                    keptCname = true;
                }
            }

            var tree = repo.Must("cannot write the tree", null, withIndex, "write-tree").Stdout.Trim();
            var (added, modified, deleted) = Changes(repo, parent, tree);
            if (parent is not null && repo.Must("cannot read the branch", null, null, "rev-parse", parent + "^{tree}").Stdout.Trim() == tree)
            {
                return new GitDeployResult(null, parent, 0, 0, 0, UpToDate: true, keptCname);
            }

            if (request.DryRun)
            {
                return new GitDeployResult(null, parent, added, modified, deleted, UpToDate: false, keptCname);
            }

            var commitArgs = parent is null ? new[] { "commit-tree", tree, "-F", "-" } : ["commit-tree", tree, "-p", parent, "-F", "-"];
            var commit = repo.MustWithInput("cannot create the commit", null, Identity(repo), request.Message, commitArgs).Stdout.Trim();
            var push = repo.Run(null, null, null, "push", "--porcelain", "--", remote, $"{commit}:refs/heads/{request.Branch}");
            if (!push.Succeeded)
            {
                if (push.Stdout.Contains("non-fast-forward", StringComparison.Ordinal) || push.Stdout.Contains("fetch first", StringComparison.Ordinal))
                {
                    diagnostics.Error(BranchMovedCode, Redact(request.Remote), 0, 0,
                        $"branch '{request.Branch}' changed while deploying (someone else pushed); nothing was overwritten: run sitegen deploy again");
                    return null;
                }

                throw new GitFailedException($"cannot push to '{Redact(request.Remote)}': {push.Explanation}");
            }

            repo.Run(null, null, null, "update-ref", TipRef, commit);
            return new GitDeployResult(commit, parent, added, modified, deleted, UpToDate: false, keptCname);
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>
    /// <paramref name="remote"/> as it may be shown in a log: a password or token in the URL
    /// (<c>https://user:TOKEN@host/…</c>, common in CI) becomes <c>***</c>; in <paramref name="text"/> too when given.
    /// </summary>
    public static string Redact(string remote, string? text = null)
    {
        if (!Uri.TryCreate(remote, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0 || uri.IsFile)
        {
            return text ?? remote;
        }

        var secret = uri.UserInfo;
        return (text ?? remote).Replace(secret + "@", "***@", StringComparison.Ordinal)
            .Replace(Uri.UnescapeDataString(secret) + "@", "***@", StringComparison.Ordinal);
    }

    private static (int Added, int Modified, int Deleted) Changes(StateRepository repo, string? parent, string tree)
    {
        if (parent is null)
        {
            var all = repo.Must("cannot list the tree", null, null, "ls-tree", "-r", "-z", "--name-only", tree).Stdout;
            return (all.Split('\0', StringSplitOptions.RemoveEmptyEntries).Length, 0, 0);
        }

        var diff = repo.Must("cannot compare with the branch", null, null, "diff-tree", "-r", "-z", "--no-renames", "--name-status", parent, tree).Stdout;
        var fields = diff.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        int added = 0, modified = 0, deleted = 0;
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            switch (fields[i][0])
            {
                case 'A': added++; break;
                case 'D': deleted++; break;
                default: modified++; break;
            }
        }

        return (added, modified, deleted);
    }

    /// <summary>The user's git identity when they have one; else commits are signed "SiteGen".</summary>
    private static Dictionary<string, string?>? Identity(StateRepository repo)
    {
        var hasName = repo.Run(null, null, null, "config", "--get", "user.name").Succeeded;
        var hasEmail = repo.Run(null, null, null, "config", "--get", "user.email").Succeeded;
        if (hasName && hasEmail)
        {
            return null;
        }

        return new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = "SiteGen",
            ["GIT_AUTHOR_EMAIL"] = "sitegen@localhost",
            ["GIT_COMMITTER_NAME"] = "SiteGen",
            ["GIT_COMMITTER_EMAIL"] = "sitegen@localhost",
        };
    }

    /// <summary>One state repository per remote, so fetches after the first bring only what changed.</summary>
    private static string Key(string remote) =>
        Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(remote)))[..16] + ".git";

    private sealed class GitFailedException(string message) : Exception(message);

    /// <summary>The bare repository SiteGen deploys from; recreated when it is missing or broken.</summary>
    private sealed class StateRepository(GitRunner git, string gitDir)
    {
        // Settings that would make the tree differ from the site's bytes, or run the user's hooks, are off.
        private static readonly string[] Settings =
        [
            "-c", "core.autocrlf=false", "-c", "core.safecrlf=false", "-c", "core.eol=lf", "-c", "core.symlinks=true",
            "-c", "core.fsmonitor=false", "-c", "gc.autoDetach=false", "-c", "advice.detachedHead=false",
        ];

        public string GitDir { get; } = gitDir;

        public void Open()
        {
            if (Directory.Exists(GitDir) && Run(null, null, null, "rev-parse", "--git-dir").Succeeded)
            {
                return;
            }

            if (Directory.Exists(GitDir))
            {
                Directory.Delete(GitDir, recursive: true);
            }

            Directory.CreateDirectory(GitDir);
            // No template: hooks from the user's init.templateDir have no business in a deploy.
            var init = git.Execute(null, null, null, "init", "--quiet", "--bare", "--template=", GitDir);
            if (!init.Succeeded)
            {
                throw new GitFailedException($"cannot create a repository in '{GitDir}': {init.Explanation}");
            }
        }

        public GitOutput Run(string? workingDirectory, IReadOnlyDictionary<string, string?>? environment, string? input, params string[] args) =>
            git.Execute(workingDirectory, environment, input,
                [.. Settings, "-c", "core.hooksPath=" + Path.Combine(GitDir, "no-hooks"), "--git-dir", GitDir, .. args]);

        public GitOutput Must(string what, string? workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
            MustWithInput(what, workingDirectory, environment, null, args);

        public GitOutput MustWithInput(string what, string? workingDirectory, IReadOnlyDictionary<string, string?>? environment, string? input, params string[] args)
        {
            var output = Run(workingDirectory, environment, input, args);
            return output.Succeeded ? output : throw new GitFailedException($"{what}: {output.Explanation}");
        }
    }
}
