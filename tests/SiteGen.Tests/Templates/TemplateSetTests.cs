using SiteGen.Diagnostics;
using SiteGen.Templates;

namespace SiteGen.Tests.Templates;

public sealed class TemplateSetTests
{
    private static Dictionary<string, object?> Model(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void RendersWithPartialsAndEscapesOnlyWhatMustBe()
    {
        using var theme = new ThemeKit()
            .With("pages/x.sbn-html", "<h1 title=\"{{ title | escape }}\">{{ title | escape }}</h1>{{ for card in cards }}{{ include 'partials/note.sbn-html' }}{{ end }}")
            .With("partials/note.sbn-html", "<p>{{ card.text | escape }}|{{ card.text | html.escape }}</p>");
        var html = theme.Render("x", Model(("title", "<\"é'>&😀"), ("cards", new[] { new Dictionary<string, object?> { ["text"] = "é<" } })));
        // escape keeps é and emoji readable; Scriban's html.escape turns them into numeric entities.
        Assert.Equal("<h1 title=\"&lt;&quot;é&#39;&gt;&amp;😀\">&lt;&quot;é&#39;&gt;&amp;😀</h1><p>é&lt;|&#233;&lt;</p>", html);
    }

    [Fact]
    public void MisspeltVariableIsAnErrorNamingTemplateAndLine()
    {
        using var theme = new ThemeKit().With("pages/x.sbn-html", "<h1>\n  {{ page.titel | escape }}</h1>");
        var error = theme.RenderFails("x", Model(("page", new Dictionary<string, object?> { ["title"] = "x" })));
        Assert.Equal(("SG0404", theme.Display("pages/x.sbn-html"), 2, 11), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("titel", error.Message);
        Assert.Contains("rendering x/", error.Message);
    }

    [Fact]
    public void EveryParseErrorIsReportedWithOneBasedPositions()
    {
        using var theme = new ThemeKit()
            .With("pages/a.sbn-html", "ok\n{{ if x }}never closed")
            .With("partials/b.sbn-html", "{{ for }}");
        theme.Load();
        var errors = theme.Diagnostics.Snapshot();
        Assert.All(errors, e => Assert.Equal(("SG0402", Severity.Error), (e.Code, e.Severity)));
        Assert.Contains(errors, e => e.File == theme.Display("pages/a.sbn-html") && e.Line == 2);
        Assert.Contains(errors, e => e.File == theme.Display("partials/b.sbn-html") && e.Line == 1 && e.Column > 1);
    }

    [Fact]
    public void LinkOutsideTemplatesFolderIsRefused()
    {
        using var dir = new Support.TempDir();
        var outside = dir.Write("secret.txt", "{{ x | escape }}");
        var templates = Directory.CreateDirectory(dir.Combine("templates", "pages")).Parent!.FullName;
        File.CreateSymbolicLink(Path.Combine(templates, "pages", "leak.sbn-html"), outside);
        var bag = new DiagnosticBag();
        var set = TemplateSet.Load(templates, bag);
        Assert.Equal("SG0403", Assert.Single(bag.Snapshot()).Code);
        Assert.False(set.Has("leak"));
    }

    [Fact]
    public void NamedTemplatesFolderThatIsMissingIsAnError()
    {
        var bag = new DiagnosticBag();
        TemplateSet.Load("no-such-templates", bag, folderRequired: true);
        Assert.Equal(("SG0401", "no-such-templates"), (Assert.Single(bag.Snapshot()).Code, bag.Snapshot()[0].File));
        var quiet = new DiagnosticBag();
        Assert.True(TemplateSet.Load("no-such-templates", quiet).Has("article"));
        Assert.Empty(quiet.Snapshot());
    }

    [Fact]
    public void HandlebarsFilesAreReportedAsIgnored()
    {
        using var theme = new ThemeKit().With("layout.hbs", "{{title}}");
        theme.Load();
        var warning = Assert.Single(theme.Diagnostics.Snapshot());
        Assert.Equal(("SG0410", Severity.Warning), (warning.Code, warning.Severity));
    }

    [Fact]
    public void ModelAndBuiltinsAreReadOnly()
    {
        using var theme = new ThemeKit()
            .With("pages/x.sbn-html", "{{ page.title = 'HACKED' }}")
            .With("pages/y.sbn-html", "{{ string.leak = 'LEAK' }}");
        var model = Model(("page", new Dictionary<string, object?> { ["title"] = "t" }));
        Assert.Equal("SG0404", theme.RenderFails("x", model).Code);
        Assert.Equal("SG0404", theme.RenderFails("y", model).Code);
    }

    [Fact]
    public void TemplatesMaySetTheirOwnVariablesForOneRender()
    {
        using var theme = new ThemeKit().With("pages/x.sbn-html", "{{ k = 1; x = title | string.upcase }}{{ x | escape }}{{ k | escape }}{{ title = 'no' }}");
        // The model's own names stay read-only.
        Assert.Equal("SG0404", theme.RenderFails("x", Model(("title", "ab"))).Code);
        using var ok = new ThemeKit().With("pages/x.sbn-html", "{{ k = 1; x = title | string.upcase }}{{ x | escape }}{{ k | escape }}");
        Assert.Equal("AB1", ok.Render("x", Model(("title", "ab"))));
    }

    [Fact]
    public void ModelHoldsOnlyPlainData()
    {
        using var theme = new ThemeKit().With("pages/x.sbn-html", "{{ entry.title | escape }}");
        Assert.Throws<ArgumentException>(() => theme.Render("x", Model(("entry", new Uri("https://example.org/")))));
    }

    [Fact]
    public void IncludeOutsideTheCatalogueIsAnErrorAtTheInclude()
    {
        using var theme = new ThemeKit()
            .With("pages/x.sbn-html", "a\n{{ include name }}")
            .With("secret.txt", "not a template");
        foreach (var name in new[] { "../secret.txt", "/etc/passwd", "secret.txt", "partials/nope.sbn-html" })
        {
            var error = theme.RenderFails("x", Model(("name", name)));
            Assert.Equal(("SG0408", theme.Display("pages/x.sbn-html"), 2), (error.Code, error.File, error.Line));
        }
    }

    [Fact]
    public void IncludeOfAMissingTemplateByLiteralNameFailsAtLoad()
    {
        using var theme = new ThemeKit().With("pages/x.sbn-html", "{{ include 'partials/nope.sbn-html' }}");
        theme.Load();
        var error = Assert.Single(theme.Diagnostics.Snapshot());
        Assert.Equal(("SG0408", 1, 12), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void LoopLimitIsSizedToTheSiteAndOverrunIsAnError()
    {
        using var theme = new ThemeKit().With("pages/x.sbn-html", "{{ for i in items }}{{ end }}\n{{ for i in 1..50000 }}{{ end }}");
        var items = Enumerable.Range(0, 15_000).ToList();
        // 15,000 items pass with a site of 5,000 articles and tags (limit 20,000), where Scriban's default of 1,000 would not.
        var set = theme.Load();
        var renderer = set.Renderer(set.Words("en", new Dictionary<string, string>(), "sitegen.yml", theme.Diagnostics), 5_000);
        var error = Assert.Throws<TemplateRenderException>(() => renderer.Render("x", Model(("items", items)), "x/")).Diagnostic;
        Assert.Equal(("SG0409", 2), (error.Code, error.Line));
        Assert.Contains("20,000", error.Message);
    }

    [Fact]
    public void SelfIncludingPartialHitsTheRecursionLimit()
    {
        using var theme = new ThemeKit()
            .With("pages/x.sbn-html", "{{ include 'partials/loop.sbn-html' }}")
            .With("partials/loop.sbn-html", "<i>{{ include 'partials/loop.sbn-html' }}</i>");
        var error = theme.RenderFails("x", Model());
        Assert.Equal(("SG0409", theme.Display("partials/loop.sbn-html")), (error.Code, error.File));
    }

    [Fact]
    public void OutputOverTheLimitIsAnErrorNotATruncatedPage()
    {
        using var theme = new ThemeKit().With("pages/x.sbn-html", "{{ for i in 1..9000 }}{{ chunk | escape }}{{ end }}");
        var error = theme.RenderFails("x", Model(("chunk", new string('a', 4096))));
        Assert.Equal("SG0409", error.Code);
        Assert.Contains("MiB", error.Message);
    }

    [Fact]
    public void OverrideReplacesOneFileAndChangesTheFingerprint()
    {
        var plain = TemplateSet.Load("no-such-templates", new DiagnosticBag());
        using var theme = new ThemeKit(plainLayout: false).With("partials/pagination.sbn-html", "<nav>{{ pagination.current | escape }}</nav>");
        var overridden = theme.Load();
        Assert.Empty(theme.Diagnostics.Snapshot());
        Assert.NotEqual(plain.Fingerprint, overridden.Fingerprint);
        Assert.Equal(plain.Names, overridden.Names);
        Assert.Equal(plain.Fingerprint, TemplateSet.Load("no-such-templates", new DiagnosticBag()).Fingerprint);
    }

    [Fact]
    public void ParallelRendersShareTemplatesAndGiveIdenticalOutput()
    {
        using var theme = new ThemeKit()
            .With("pages/x.sbn-html", "{{ for card in cards }}{{ include 'partials/c.sbn-html' }}{{ end }}{{ t 'nav_tags' }}")
            .With("partials/c.sbn-html", "<li>{{ card | escape }}</li>");
        var set = theme.Load();
        var renderer = set.Renderer(set.Words("en", new Dictionary<string, string>(), "sitegen.yml", theme.Diagnostics), 0);
        var outputs = new string[400];
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            i => outputs[i] = renderer.Render("x", Model(("cards", Enumerable.Range(0, 50).Select(n => $"<{i % 4}:{n}>").ToList())), "x/"));
        for (var i = 0; i < outputs.Length; i++)
        {
            Assert.Equal(outputs[i % 4], outputs[i]);
        }

        Assert.EndsWith("Tags", outputs[0]);
        Assert.Contains("<li>&lt;3:49&gt;</li>", outputs[3]);
    }
}
