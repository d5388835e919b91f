using System.Text.Json;
using SiteGen.Build;
using SiteGen.Content;

namespace SiteGen.Tests.Build;

/// <summary>
/// A page read back from the build state is the page that was loaded, every field of it: a field the codec
/// forgot would make a rebuild from the state differ from a clean build (an imported item's link, author or
/// item number lost on the second build).
/// </summary>
public sealed class StateCodecTests
{
    private static readonly Page Sample = new(
        "content/x.md", "id-1", "标题", "x", new DateOnly(2026, 1, 2), ["甲", "乙"],
        [new PageSource("seeds/a.txt", 3), new PageSource("seeds/b.xml", 9, 4)],
        Truncated: true, Description: "摘要", Markdown: "正文 $x$\n", BodyLine: 7,
        Link: "https://example.com/post", Author: "作者");

    [Fact]
    public void APageRoundTripsWithEveryField()
    {
        using var stream = new MemoryStream();
        using (var writer = new StateWriter(stream))
        {
            writer.Page(Sample);
            writer.Page(Sample with { Date = null, Description = null, Link = null, Author = null, Sources = [] });
        }

        stream.Position = 0;
        using var reader = new StateReader(stream);
        Assert.Equal(JsonSerializer.Serialize(Sample), JsonSerializer.Serialize(reader.Page()));
        var second = reader.Page();
        Assert.Null(second.Link);
        Assert.Null(second.Author);
        Assert.Null(second.Date);
        Assert.Empty(second.Sources);
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void TheSampleSetsEveryFieldOfAPage()
    {
        // A new field of Page must be added to the sample (and to the codec), or this fails.
        foreach (var property in typeof(Page).GetProperties().Where(p => p.GetMethod!.IsPublic && p.SetMethod is not null))
        {
            var value = property.GetValue(Sample);
            Assert.True(value is not null && !Equals(value, property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null),
                $"the sample page leaves {property.Name} at its default");
        }

        Assert.Contains(Sample.Sources, s => s.Item is not null);
    }
}
