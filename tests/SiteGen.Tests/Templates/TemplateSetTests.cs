using SiteGen.Diagnostics;
using SiteGen.Templates;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Templates;

public sealed class TemplateSetTests
{
    [Fact]
    public void RendersWithPartialsAndEscapes()
    {
        using var dir = new TempDir();
        dir.Write("page.hbs", "<h1>{{title}}</h1>{{> note}}");
        dir.Write("partials/note.hbs", "<p>{{note}}</p>");
        var bag = new DiagnosticBag();
        var set = TemplateSet.Load(dir.Path, bag);
        Assert.Equal(0, bag.Count);
        var html = set.Render("page", new Dictionary<string, object?> { ["title"] = "<script>", ["note"] = "a&b" });
        Assert.Equal("<h1>&lt;script&gt;</h1><p>a&amp;b</p>", html);
    }

    [Fact]
    public void MisspeltVariableIsReportedNotSilentlyEmpty()
    {
        using var dir = new TempDir();
        dir.Write("page.hbs", "<h1>{{titel}}</h1>");
        var set = TemplateSet.Load(dir.Path, new DiagnosticBag());
        var error = Assert.Throws<TemplateRenderException>(() => set.Render("page", new Dictionary<string, object?> { ["title"] = "x" }));
        Assert.Contains("titel", error.Message);
        Assert.EndsWith("page.hbs", error.TemplatePath);
    }

    [Fact]
    public void BrokenTemplateIsAnErrorNamingTheFile()
    {
        using var dir = new TempDir();
        dir.Write("page.hbs", "{{#if x}}never closed");
        var bag = new DiagnosticBag();
        TemplateSet.Load(dir.Path, bag);
        var error = Assert.Single(bag.Snapshot());
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("SG0402", error.Code);
        Assert.EndsWith("page.hbs", error.File);
    }

    [Fact]
    public void LinkOutsideTemplatesFolderIsRefused()
    {
        using var dir = new TempDir();
        var outside = dir.Write("secret.txt", "{{x}}");
        var templates = Directory.CreateDirectory(dir.Combine("templates")).FullName;
        File.CreateSymbolicLink(Path.Combine(templates, "leak.hbs"), outside);
        var bag = new DiagnosticBag();
        var set = TemplateSet.Load(templates, bag);
        Assert.Equal("SG0403", Assert.Single(bag.Snapshot()).Code);
        Assert.False(set.Has("leak"));
    }
}
