using SiteGen.Diagnostics;
using SiteGen.Templates;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Templates;

/// <summary>A theme override in a temp folder whose layout is just <c>{{ content }}</c>, so a test sees a page template's own output.</summary>
internal sealed class ThemeKit : IDisposable
{
    private readonly TempDir _dir = new();

    public ThemeKit(bool plainLayout = true)
    {
        if (plainLayout)
        {
            _dir.Write("layouts/base.sbn-html", "{{ content }}");
        }
    }

    public string Path => _dir.Path;

    public DiagnosticBag Diagnostics { get; } = new();

    public ThemeKit With(string relative, string text)
    {
        _dir.Write(relative, text);
        return this;
    }

    public TemplateSet Load() => TemplateSet.Load(_dir.Path, Diagnostics);

    /// <summary>Loads the theme (asserting it loads cleanly) and renders <c>pages/&lt;page&gt;.sbn-html</c>.</summary>
    public string Render(string page, Dictionary<string, object?> model, string language = "zh-CN", int items = 0)
    {
        var set = Load();
        Assert.Empty(Diagnostics.Snapshot());
        return set.Renderer(set.Words(language, new Dictionary<string, string>(), "sitegen.yml", Diagnostics), items).Render(page, model, "x/");
    }

    /// <summary>The diagnostic a render fails with.</summary>
    public Diagnostic RenderFails(string page, Dictionary<string, object?> model) =>
        Assert.Throws<TemplateRenderException>(() => Render(page, model)).Diagnostic;

    /// <summary>The file name diagnostics use for a file of this theme.</summary>
    public string Display(string relative) =>
        System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), System.IO.Path.Combine(_dir.Path, relative)).Replace('\\', '/');

    public void Dispose() => _dir.Dispose();
}
