using SiteGen.Search;
using SiteGen.Tests.Markdown;

namespace SiteGen.Tests.Search;

public sealed class HighlightedCodeSearchTests
{
    [Fact]
    public void SearchIndexesTheCodesTextNotTheSpans()
    {
        const string markdown = "## 代码\n\n```python\nself.weight = nn.Parameter(torch.zeros(4))  # 权重\nprint(f\"{x} <b>\")\n```\n";
        var highlighted = MarkdownTestKit.Render(markdown).Html;
        Assert.Contains("<span class=\"hl-", highlighted, StringComparison.Ordinal);
        var fromHighlighted = SearchTextExtractor.Extract(highlighted);
        Assert.Equal(SearchTextExtractor.Extract(MarkdownTestKit.RenderPlain(markdown)), fromHighlighted);
        Assert.Contains(fromHighlighted, b => b.Text.Contains("self.weight = nn.Parameter(torch.zeros(4)) # 权重", StringComparison.Ordinal));
        Assert.DoesNotContain(fromHighlighted, b => b.Text.Contains("hl-", StringComparison.Ordinal));
    }
}
