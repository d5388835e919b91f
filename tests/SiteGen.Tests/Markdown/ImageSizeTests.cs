using System.Buffers.Binary;
using System.IO.Compression;
using SiteGen.Markdown.Extensions.Links;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

/// <summary>Image headers built byte by byte, as the formats specify them.</summary>
public sealed class ImageSizeTests
{
    public static byte[] Png(int width, int height)
    {
        var header = new byte[8 + 4 + 4 + 13 + 4];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 13);
        "IHDR"u8.CopyTo(header.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), height);
        header[24] = 8;
        header[25] = 2;
        var crc = Crc32(header.AsSpan(12, 17));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(29), crc);
        using var data = new MemoryStream();
        using (var z = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0);
                z.Write(Enumerable.Repeat((byte)0x80, width * 3).ToArray());
            }
        }

        return [.. header, .. Chunk("IDAT"u8, data.ToArray()), .. Chunk("IEND"u8, [])];
    }

    /// <summary>PNG's CRC-32 (ISO 3309), so the test images are valid files a browser shows.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static byte[] Chunk(ReadOnlySpan<byte> type, byte[] body)
    {
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, body.Length);
        type.CopyTo(chunk.AsSpan(4));
        body.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32(chunk.AsSpan(4, 4 + body.Length)));
        return chunk;
    }

    /// <summary>A JPEG's markers up to its frame header: SOI, an optional EXIF APP1 with an orientation, SOF0.</summary>
    public static byte[] Jpeg(int width, int height, int? orientation = null, bool bigEndianExif = false)
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        // An APP0 (JFIF) segment first, as cameras and encoders write it.
        bytes.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (orientation is { } o)
        {
            var tiff = new byte[8 + 2 + 12 + 4];
            tiff[0] = tiff[1] = (byte)(bigEndianExif ? 'M' : 'I');
            void U16(int at, int v) { if (bigEndianExif) BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), (ushort)v); else BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)v); }
            void U32(int at, int v) { if (bigEndianExif) BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), (uint)v); else BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), (uint)v); }
            U16(2, 42);
            U32(4, 8);
            U16(8, 1);
            U16(10, 0x0112);
            U16(12, 3);
            U32(14, 1);
            U16(18, o);
            byte[] app1 = [.. "Exif\0\0"u8, .. tiff];
            bytes.AddRange([0xFF, 0xE1, (byte)((app1.Length + 2) >> 8), (byte)(app1.Length + 2)]);
            bytes.AddRange(app1);
        }

        bytes.AddRange([0xFF, 0xC0, 0x00, 0x11, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3]);
        bytes.AddRange(Enumerable.Repeat((byte)0, 9));
        bytes.AddRange([0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]);
        return [.. bytes];
    }

    private static byte[] Gif(int width, int height) =>
        [.. "GIF89a"u8, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0, 0, 0, 0x3B];

    private static byte[] WebP(string chunk, int width, int height)
    {
        var bytes = new byte[40];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 32);
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        System.Text.Encoding.ASCII.GetBytes(chunk).CopyTo(bytes, 12);
        switch (chunk)
        {
            case "VP8 ":
                bytes[23] = 0x9D;
                bytes[24] = 0x01;
                bytes[25] = 0x2A;
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26), (ushort)width);
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(28), (ushort)height);
                break;
            case "VP8L":
                bytes[20] = 0x2F;
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(21), (uint)((width - 1) | (height - 1) << 14));
                break;
            default:
                bytes[24] = (byte)(width - 1);
                bytes[25] = (byte)((width - 1) >> 8);
                bytes[26] = (byte)((width - 1) >> 16);
                bytes[27] = (byte)(height - 1);
                bytes[28] = (byte)((height - 1) >> 8);
                bytes[29] = (byte)((height - 1) >> 16);
                break;
        }

        return bytes;
    }

    public static TheoryData<string, byte[], int, int> Images() => new()
    {
        { "a.png", Png(30, 20), 30, 20 },
        { "a.jpg", Jpeg(640, 480), 640, 480 },
        { "turned.jpg", Jpeg(640, 480, orientation: 6), 480, 640 },
        { "turned-motorola.jpeg", Jpeg(640, 480, orientation: 8, bigEndianExif: true), 480, 640 },
        { "upright.jpg", Jpeg(640, 480, orientation: 3), 640, 480 },
        { "a.gif", Gif(300, 200), 300, 200 },
        { "lossy.webp", WebP("VP8 ", 1024, 768), 1024, 768 },
        { "lossless.webp", WebP("VP8L", 1000, 3000), 1000, 3000 },
        { "extended.webp", WebP("VP8X", 70_000 / 7, 5), 10_000, 5 },
        { "sized.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120px\" height=\"40\"/>"u8.ToArray(), 120, 40 },
        { "box.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24.4 12\"><path d=\"M0 0\"/></svg>"u8.ToArray(), 24, 12 },
        { "wide.svg", "<svg width=\"200\" viewBox=\"0,0,100,50\"></svg>"u8.ToArray(), 200, 100 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void ReadsTheSizeFromTheHeader(string name, byte[] bytes, int width, int height)
    {
        using var dir = new TempDir();
        var path = dir.Combine(name);
        File.WriteAllBytes(path, bytes);
        Assert.Equal((width, height), ImageSize.Read(path));
    }

    public static TheoryData<string, byte[]> Unreadable() => new()
    {
        { "empty.png", [] },
        { "truncated.png", Png(30, 20)[..20] },
        { "truncated.jpg", Jpeg(640, 480)[..12] },
        { "text.jpg", "not an image at all"u8.ToArray() },
        { "percent.svg", "<svg width=\"100%\" height=\"100%\"/>"u8.ToArray() },
        { "broken.svg", "<svg width="u8.ToArray() },
        { "entity.svg", "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">]><svg width=\"&a;\" height=\"1\"/>"u8.ToArray() },
        { "html.svg", "<html><svg width=\"1\" height=\"1\"/></html>"u8.ToArray() },
        { "zero.gif", Gif(0, 10) },
        { "notes.txt", "12345678901234567890123456789012"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void UnreadableFilesHaveNoSize(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        var path = dir.Combine(name);
        File.WriteAllBytes(path, bytes);
        Assert.Null(ImageSize.Read(path));
    }

    [Fact]
    public void AMissingFileHasNoSize()
    {
        Assert.Null(ImageSize.Read("/no/such/image.png"));
    }
}
