using SiteGen.Deploy;
using SiteGen.Diagnostics;
using SiteGen.Init;
using SiteGen.Tests.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Deploy;

/// <summary>
/// <c>sitegen deploy --git</c> against real local repositories (bare, and the user's own working
/// repository): one new commit per deploy on top of the branch's history, exactly the site's files,
/// and the user's working tree and index untouched.
/// </summary>
[Collection("Console")]
public sealed class GitDeployTests
{
    private static readonly GitRunner Git = new();

    private static string Run(string? dir, params string[] args)
    {
        var output = Git.Run(dir, args);
        Assert.True(output.Succeeded, $"git {string.Join(' ', args)}: {output.Stderr}");
        return output.Stdout.Trim();
    }

    private static string BareRemote(TempDir dir)
    {
        var remote = dir.Combine("remote.git");
        Run(null, "init", "--quiet", "--bare", remote);
        return remote;
    }

    /// <summary>The branch's files, checked out into a fresh folder.</summary>
    private static SortedDictionary<string, string> Published(TempDir dir, string remote, string branch = "gh-pages")
    {
        var checkout = dir.Combine("checkout-" + Guid.NewGuid().ToString("N"));
        Run(null, "clone", "--quiet", "--branch", branch, remote, checkout);
        return TestSites.Files(checkout, ".git");
    }

    private static SortedDictionary<string, string> SiteFilesPlusNoJekyll(TempDir site)
    {
        var files = TestSites.Files(site.Combine("site"));
        files[".nojekyll"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([]));
        return files;
    }

    private static string[] History(string remote, string branch = "gh-pages") =>
        Run(null, "--git-dir", remote, "log", "--format=%H", branch).Split('\n');

    [Fact]
    public void FirstDeployCreatesTheBranchAndLaterDeploysAddOneCommitEach()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var remote = BareRemote(site);

        var first = CliRun.Run(TestSites.DeployArgs(site, "--git", remote));
        Assert.True(first.Exit == 0, first.ToString());
        Assert.Contains("a new branch", first.Stdout);
        Assert.Single(History(remote));
        Assert.Equal(SiteFilesPlusNoJekyll(site), Published(site, remote));

        File.Delete(site.Combine("content", "gamma.md"));
        TestSites.Build(site);
        var second = CliRun.Run(TestSites.DeployArgs(site, "--git", remote));
        Assert.True(second.Exit == 0, second.ToString());
        var history = History(remote);
        Assert.Equal(2, history.Length);
        Assert.Equal(history[1], Run(null, "--git-dir", remote, "rev-parse", "gh-pages^"));
        var published = Published(site, remote);
        Assert.DoesNotContain("articles/gamma/index.html", published.Keys);
        Assert.Equal(SiteFilesPlusNoJekyll(site), published);
        Assert.Contains($"on top of {history[1][..7]}", second.Stdout);
        Assert.Contains("1 deleted", second.Stdout);

        var unchanged = CliRun.Run(TestSites.DeployArgs(site, "--git", remote));
        Assert.True(unchanged.Exit == 0, unchanged.ToString());
        Assert.Contains("no new commit", unchanged.Stdout);
        Assert.Equal(2, History(remote).Length);
    }

    [Fact]
    public void AnExistingBranchKeepsItsHistoryAndItsCustomDomain()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var remote = BareRemote(site);
        var work = site.Combine("someone");
        Run(null, "init", "--quiet", "-b", "gh-pages", work);
        File.WriteAllText(Path.Combine(work, "CNAME"), "notes.example.net\n");
        File.WriteAllText(Path.Combine(work, "README.md"), "old page\n");
        Run(work, "add", ".");
        Run(work, "-c", "user.name=Someone", "-c", "user.email=someone@example.net", "commit", "--quiet", "-m", "hand-made pages");
        Run(work, "push", "--quiet", remote, "gh-pages");
        var before = Run(null, "--git-dir", remote, "rev-parse", "gh-pages");

        var run = CliRun.Run(TestSites.DeployArgs(site, "--git", remote));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("kept the branch's CNAME", run.Stdout);
        Assert.Equal(before, Run(null, "--git-dir", remote, "rev-parse", "gh-pages^"));
        var published = Published(site, remote);
        Assert.Contains("CNAME", published.Keys);
        Assert.DoesNotContain("README.md", published.Keys);
    }

    [Fact]
    public void TheUsersWorkingTreeAndIndexAreUntouchedWhenDeployingIntoTheirOwnRepository()
    {
        using var site = TestSites.Create();
        site.Write(".gitignore", SiteScaffold.GitIgnore);
        Run(site.Path, "init", "--quiet", "-b", "main");
        Run(site.Path, "add", ".");
        Run(site.Path, "-c", "user.name=Me", "-c", "user.email=me@example.net", "commit", "--quiet", "-m", "sources");
        // Work in progress: a staged new page and an unstaged edit.
        site.Write("content/draft.md", "---\ntitle: 草稿\n---\n未完成\n");
        Run(site.Path, "add", "content/draft.md");
        File.AppendAllText(site.Combine("content", "beta.md"), "\n未暂存的修改\n");
        TestSites.Build(site);
        var status = Run(site.Path, "status", "--porcelain=v1", "--untracked-files=all");
        var index = File.ReadAllBytes(site.Combine(".git", "index"));
        var head = Run(site.Path, "rev-parse", "HEAD");
        var worktree = TestSites.Files(site.Path, ".git", "site", ".sitegen-cache");

        var run = CliRun.Run(TestSites.DeployArgs(site, "--git", site.Path));
        Assert.True(run.Exit == 0, run.ToString());

        Assert.Equal(status, Run(site.Path, "status", "--porcelain=v1", "--untracked-files=all"));
        Assert.Equal(index, File.ReadAllBytes(site.Combine(".git", "index")));
        Assert.Equal(head, Run(site.Path, "rev-parse", "HEAD"));
        Assert.Equal("refs/heads/main", Run(site.Path, "symbolic-ref", "HEAD"));
        Assert.Equal(worktree, TestSites.Files(site.Path, ".git", "site", ".sitegen-cache"));
        Assert.Equal(SiteFilesPlusNoJekyll(site), Published(site, site.Path));
        Assert.Contains($"Built from {head}", Run(site.Path, "log", "-1", "--format=%B", "gh-pages"));
    }

    [Fact]
    public void GitVariablesInheritedFromAHookDoNotRedirectTheDeploy()
    {
        using var site = TestSites.Create();
        Run(site.Path, "init", "--quiet", "-b", "main");
        Run(site.Path, "add", "content");
        TestSites.Build(site);
        var index = File.ReadAllBytes(site.Combine(".git", "index"));
        var remote = BareRemote(site);
        var hookLike = new Dictionary<string, string>
        {
            ["GIT_DIR"] = site.Combine(".git"),
            ["GIT_INDEX_FILE"] = site.Combine(".git", "index"),
            ["GIT_WORK_TREE"] = site.Path,
        };

        var run = SiteGenProcess.Run(site.Path, hookLike, "deploy", "--git", remote);
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal(index, File.ReadAllBytes(site.Combine(".git", "index")));
        Assert.Equal("", Run(site.Path, "branch", "--list", "gh-pages"));
        Assert.Equal(SiteFilesPlusNoJekyll(site), Published(site, remote));
    }

    [Fact]
    public void BranchAndMessageCanBeChosenAndAFileUrlWorks()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var remote = BareRemote(site);
        var run = CliRun.Run(TestSites.DeployArgs(site, "--git", "file://" + remote, "--branch", "pages", "--message", "New posts\n\n三篇"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Equal("New posts\n\n三篇", Run(null, "--git-dir", remote, "log", "-1", "--format=%B", "pages"));
        Assert.Equal("", Run(null, "--git-dir", remote, "branch", "--list", "gh-pages"));
    }

    [Fact]
    public void ADryRunPushesNothing()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var remote = BareRemote(site);
        var run = CliRun.Run(TestSites.DeployArgs(site, "--git", remote, "--dry-run"));
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("would commit", run.Stdout);
        Assert.Equal("", Run(null, "ls-remote", "--heads", remote));
    }

    [Fact]
    public void BrokenLinksRefuseAGitDeployToo()
    {
        using var site = TestSites.Create();
        site.Write("content/delta.md", "---\ntitle: 第四篇\nslug: delta\n---\n见 [不存在](../no-such-page/)。\n");
        TestSites.Build(site);
        var remote = BareRemote(site);
        var run = CliRun.Run(TestSites.DeployArgs(site, "--git", remote));
        Assert.Equal(1, run.Exit);
        Assert.Contains("error SG0902", run.Stderr);
        Assert.Equal("", Run(null, "ls-remote", "--heads", remote));
    }

    [Theory]
    [InlineData("--branch", "no spaces allowed", "SG0913")]
    [InlineData("--git", "/nonexistent/sitegen/remote.git", "SG0908")]
    public void BadBranchesAndUnreachableRemotesAreLocatedErrors(string option, string value, string code)
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var args = option == "--git" ? TestSites.DeployArgs(site, "--git", value) : TestSites.DeployArgs(site, "--git", BareRemote(site), option, value);
        var run = CliRun.Run(args);
        Assert.Equal(1, run.Exit);
        Assert.Contains($"error {code}", run.Stderr);
    }

    [Fact]
    public void ACheckedOutBranchOfANonBareRepositoryIsNotOverwritten()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var other = site.Combine("other");
        Run(null, "init", "--quiet", "-b", "gh-pages", other);
        File.WriteAllText(Path.Combine(other, "mine.txt"), "work in progress\n");
        var run = CliRun.Run(TestSites.DeployArgs(site, "--git", other));
        Assert.Equal(1, run.Exit);
        Assert.Contains("error SG0908", run.Stderr);
        Assert.Equal(["mine.txt"], TestSites.Files(other, ".git").Keys);
    }

    [Fact]
    public void WithoutAGitIdentityCommitsAreSignedSiteGen()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        var remote = BareRemote(site);
        var home = site.Combine("home");
        Directory.CreateDirectory(home);
        var git = new GitRunner(new Dictionary<string, string?>
        {
            ["HOME"] = home, ["XDG_CONFIG_HOME"] = home, ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_CONFIG_GLOBAL"] = Path.Combine(home, "none"),
        });
        var diagnostics = new DiagnosticBag();
        var result = new PublishToGit(git).Run(
            new GitDeployRequest(site.Combine("site"), remote, "gh-pages", "deploy", site.Combine("state")), diagnostics);
        Assert.True(result?.Commit is not null, string.Join("\n", diagnostics.Snapshot()));
        Assert.Equal("SiteGen <sitegen@localhost>", Run(null, "--git-dir", remote, "log", "-1", "--format=%an <%ae>", "gh-pages"));
    }

    [Fact]
    public void ATokenInTheRemoteUrlNeverReachesTheOutput()
    {
        using var site = TestSites.Create();
        TestSites.Build(site);
        // Loopback port 1: refused at once, no network.
        var run = CliRun.Run(TestSites.DeployArgs(site, "--git", "https://deployer:s3cr%2Ft@127.0.0.1:1/you/notes.git"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("error SG0908", run.Stderr);
        Assert.Contains("https://***@127.0.0.1:1/you/notes.git", run.Stderr);
        Assert.DoesNotContain("s3cr", run.Stdout + run.Stderr);
    }

    [Theory]
    [InlineData("https://x-access-token:abc@github.com/you/notes.git", "https://***@github.com/you/notes.git")]
    [InlineData("git@github.com:you/notes.git", "git@github.com:you/notes.git")]
    [InlineData("/srv/pages.git", "/srv/pages.git")]
    public void RedactHidesOnlyTheUrlsCredentials(string remote, string shown)
    {
        Assert.Equal(shown, PublishToGit.Redact(remote));
    }
}
