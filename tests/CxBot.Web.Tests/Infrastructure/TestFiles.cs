using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace CxBot.Web.Tests.Infrastructure;

/// <summary>Files a customer might send: a real camera-like photo with EXIF (orientation, a position), fakes named <c>.png</c>, a too-large image.</summary>
public static class TestFiles
{
    /// <summary>What the photo's EXIF carries besides the orientation; it must never be served back.</summary>
    public const string ExifSecret = "GPS 52.2297N 21.0122E home-of-the-customer";

    /// <summary>
    /// A 400×200 JPEG (left half red, right half blue) with an EXIF block saying "rotate 90° clockwise to view" (orientation 6)
    /// and a description holding <see cref="ExifSecret"/>: shown upright it is 200×400.
    /// </summary>
    public static byte[] PhotoWithExif()
    {
        using var bitmap = new SKBitmap(400, 200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Red);
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(200, 0, 200, 200, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var exif = ExifSegment(orientation: 6, description: ExifSecret);
        // SOI, then the APP1 (Exif) segment, then the rest of the encoder's JPEG.
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    /// <summary>A web page named like a photo.</summary>
    public static byte[] HtmlNamedPng() =>
        Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert('owned')</script><h1>photo</h1></body></html>");

    /// <summary>An SVG with a script, named like a photo.</summary>
    public static byte[] SvgNamedPng() =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert('owned')</script><rect width=\"10\" height=\"10\"/></svg>");

    /// <summary>A real PNG of random noise just over 11 MB (noise does not compress).</summary>
    public static byte[] ElevenMegabytePng()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(1720, 1690, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Random.Shared.NextBytes(bitmap.GetPixelSpan());
        using var image = SKImage.FromBitmap(bitmap);
        var png = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        if (png.Length < 11 * 1024 * 1024) throw new InvalidOperationException($"The noise PNG is only {png.Length} bytes.");
        return png;
    }

    /// <summary>A minimal one-page PDF.</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>Writes the files the Chromium test attaches, under their misleading names, into <paramref name="folder"/>.</summary>
    public static (string Photo, string FakeHtml, string FakeSvg, string Big) WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        var photo = Path.Combine(folder, "parcel.jpg");
        var html = Path.Combine(folder, "page.png");
        var svg = Path.Combine(folder, "drawing.png");
        var big = Path.Combine(folder, "huge.png");
        File.WriteAllBytes(photo, PhotoWithExif());
        File.WriteAllBytes(html, HtmlNamedPng());
        File.WriteAllBytes(svg, SvgNamedPng());
        File.WriteAllBytes(big, ElevenMegabytePng());
        return (photo, html, svg, big);
    }

    /// <summary>APP1 "Exif": a big-endian TIFF header and one IFD with Orientation and ImageDescription.</summary>
    private static byte[] ExifSegment(ushort orientation, string description)
    {
        var text = Encoding.ASCII.GetBytes(description + "\0");
        var tiff = new byte[8 + 2 + 2 * 12 + 4 + text.Length];
        "MM\0*"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 2);
        var entry = tiff.AsSpan(10);
        BinaryPrimitives.WriteUInt16BigEndian(entry, 0x010E); // ImageDescription, ASCII, at the end
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 2);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], (uint)text.Length);
        BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)(8 + 2 + 2 * 12 + 4));
        entry = tiff.AsSpan(22);
        BinaryPrimitives.WriteUInt16BigEndian(entry, 0x0112); // Orientation, SHORT, 1
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(entry[8..], orientation);
        text.CopyTo(tiff.AsSpan(8 + 2 + 2 * 12 + 4));
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment.AsSpan(4));
        return segment;
    }
}
