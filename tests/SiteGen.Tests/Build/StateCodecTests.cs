using System.Text.Json;
using CsCheck;
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
        var reader = new StateReader(stream);
        Assert.Equal(JsonSerializer.Serialize(Sample), JsonSerializer.Serialize(reader.Page()));
        var second = reader.Page();
        Assert.Null(second.Link);
        Assert.Null(second.Author);
        Assert.Null(second.Date);
        Assert.Empty(second.Sources);
        Assert.True(reader.AtEnd);
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

    /// <summary>
    /// The reader has its own buffer; whatever the buffer's size, it reads back exactly what the writer wrote: strings that
    /// cross the buffer's end (a multi-byte character split there too) or are longer than it, numbers of every length.
    /// </summary>
    [Fact]
    public void TheReaderReadsBackWhatTheWriterWroteWhateverItsBufferSize()
    {
        var text = Gen.String[Gen.Char['\u0000', '\uD7FF'], 0, 300].Select(t => t + "😀"[..(t.Length % 3 == 0 ? 2 : 0)]);
        var value = Gen.OneOf<object>(
            text.Select(t => (object)t),
            Gen.Int.Select(i => (object)i),
            Gen.Long.Select(l => (object)l),
            Gen.ULong.Select(u => (object)u),
            Gen.Bool.Select(b => (object)b));
        Gen.Select(value.Array[0, 40], Gen.Int[1, 64]).Sample((values, bufferBytes) =>
        {
            using var stream = new MemoryStream();
            using (var writer = new StateWriter(stream))
            {
                foreach (var v in values)
                {
                    switch (v)
                    {
                        case string s: writer.String(s); break;
                        case int i: writer.Int(i); break;
                        case long l: writer.Long(l); break;
                        case ulong u: writer.ULong(u); break;
                        case bool b: writer.Bool(b); break;
                    }
                }
            }

            stream.Position = 0;
            var reader = new StateReader(stream, bufferBytes);
            foreach (var v in values)
            {
                object back = v switch
                {
                    string => reader.String(),
                    int => reader.Int(),
                    long => reader.Long(),
                    ulong => reader.ULong(),
                    _ => reader.Bool(),
                };
                Assert.Equal(v, back);
            }

            Assert.True(reader.AtEnd);
            Assert.Equal(stream.Length, reader.Consumed);
        }, iter: 300);
    }

    [Fact]
    public void AStringLongerThanWhatIsLeftIsTheEndOfTheStreamNotAHugeAllocation()
    {
        using var stream = new MemoryStream();
        using (var writer = new StateWriter(stream))
        {
            writer.Int(int.MaxValue);
            writer.Bool(true);
        }

        stream.Position = 0;
        Assert.Throws<EndOfStreamException>(() => new StateReader(stream, 16).String());
    }
}
