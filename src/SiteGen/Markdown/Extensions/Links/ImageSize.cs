using System.Buffers.Binary;
using System.Globalization;
using System.Xml;

namespace SiteGen.Markdown.Extensions.Links;

/// <summary>
/// Reads the pixel size of a PNG, JPEG (honouring its EXIF orientation, as browsers do), GIF, WebP or SVG
/// file from its header, without decoding it. Any other, truncated or malformed file gives null: the image
/// is then shown without a size, never with a wrong one.
/// </summary>
internal static class ImageSize
{
    private const int HeaderBytes = 64;
    private const int MaxScanBytes = 4 * 1024 * 1024;

    public static (int Width, int Height)? Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
            var header = new byte[HeaderBytes];
            var length = stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
            var size = Path.GetExtension(path).ToLowerInvariant() == ".svg"
                ? Svg(stream)
                : Png(header, length) ?? Gif(header, length) ?? WebP(header, length) ?? Jpeg(stream);
            return size is { Item1: > 0 and <= 100_000, Item2: > 0 and <= 100_000 } ? size : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static (int, int)? Png(byte[] h, int length) =>
        length >= 24 && h.AsSpan(0, 8).SequenceEqual((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
            && h.AsSpan(12, 4).SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(h.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(h.AsSpan(20)))
            : null;

    private static (int, int)? Gif(byte[] h, int length) =>
        length >= 10 && (h.AsSpan(0, 6).SequenceEqual("GIF87a"u8) || h.AsSpan(0, 6).SequenceEqual("GIF89a"u8))
            ? (BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(6)), BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(8)))
            : null;

    private static (int, int)? WebP(byte[] h, int length)
    {
        if (length < 30 || !h.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !h.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var chunk = h.AsSpan(12, 4);
        if (chunk.SequenceEqual("VP8 "u8) && h[23] == 0x9D && h[24] == 0x01 && h[25] == 0x2A)
        {
            // Lossy: a key frame's start code, then 14-bit width and height.
            return (BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(26)) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(28)) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && h[20] == 0x2F)
        {
            // Lossless: 14 bits each of width - 1 and height - 1.
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(21));
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: 24 bits each of canvas width - 1 and height - 1.
            return ((h[24] | h[25] << 8 | h[26] << 16) + 1, (h[27] | h[28] << 8 | h[29] << 16) + 1);
        }

        return null;
    }

    private static (int, int)? Jpeg(FileStream stream)
    {
        stream.Position = 0;
        var reader = new BinaryReader(stream);
        if (stream.Length < 4 || reader.ReadByte() != 0xFF || reader.ReadByte() != 0xD8)
        {
            return null;
        }

        var orientation = 1;
        while (stream.Position + 4 <= Math.Min(stream.Length, MaxScanBytes))
        {
            if (reader.ReadByte() != 0xFF)
            {
                return null;
            }

            var marker = reader.ReadByte();
            while (marker == 0xFF)
            {
                marker = reader.ReadByte();
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                // End of image, or start of scan before any frame header: no size to be had.
                return null;
            }

            var lengthBytes = reader.ReadBytes(2);
            var segment = lengthBytes.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(lengthBytes) : 0;
            if (segment < 2)
            {
                return null;
            }

            var body = reader.ReadBytes(segment - 2);
            if (body.Length < segment - 2)
            {
                return null;
            }

            if (marker == 0xE1)
            {
                orientation = ExifOrientation(body) ?? orientation;
            }
            else if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC) && body.Length >= 5)
            {
                // A frame header (SOF0–SOF15): precision, height, width.
                int height = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(1));
                int width = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(3));
                // Orientations 5–8 turn the picture a quarter, and browsers show it turned.
                return orientation is >= 5 and <= 8 ? (height, width) : (width, height);
            }
        }

        return null;
    }

    /// <summary>The EXIF orientation tag (0x0112) of IFD0 in an APP1 segment, if present.</summary>
    private static int? ExifOrientation(byte[] app1)
    {
        if (app1.Length < 14 || !app1.AsSpan(0, 6).SequenceEqual("Exif\0\0"u8))
        {
            return null;
        }

        var tiff = app1.AsSpan(6);
        var little = tiff[0] == 'I' && tiff[1] == 'I';
        if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
        {
            return null;
        }

        int U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        var ifd = (int)(little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[4..]));
        if (ifd < 8 || ifd + 2 > tiff.Length)
        {
            return null;
        }

        var count = U16(tiff[ifd..]);
        for (var i = 0; i < count; i++)
        {
            var entry = ifd + 2 + i * 12;
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            if (U16(tiff[entry..]) == 0x0112)
            {
                return U16(tiff[(entry + 8)..]);
            }
        }

        return null;
    }

    /// <summary>The root element's <c>width</c>/<c>height</c> in pixels (unitless or px), else its <c>viewBox</c>.</summary>
    private static (int, int)? Svg(FileStream stream)
    {
        stream.Position = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = MaxScanBytes };
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName != "svg")
            {
                return null;
            }

            var width = Pixels(reader.GetAttribute("width"));
            var height = Pixels(reader.GetAttribute("height"));
            if (width is not null && height is not null)
            {
                return (width.Value, height.Value);
            }

            var box = reader.GetAttribute("viewBox")?.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (box is { Length: 4 } && Number(box[2]) is { } w && Number(box[3]) is { } h)
            {
                // One side given: the other follows the viewBox's proportions.
                return width is not null ? (width.Value, (int)Math.Round(width.Value * h / w))
                    : height is not null ? ((int)Math.Round(height.Value * w / h), height.Value)
                    : ((int)Math.Round(w), (int)Math.Round(h));
            }

            return null;
        }

        return null;
    }

    private static int? Pixels(string? value)
    {
        var text = value?.Trim();
        if (text is not null && text.EndsWith("px", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^2];
        }

        return Number(text) is { } number && number > 0 ? (int)Math.Round(number) : null;
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0 ? value : null;
}
