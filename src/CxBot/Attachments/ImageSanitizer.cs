using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CxBot.Attachments;

/// <summary>A customer's photo, decoded and drawn again: only its pixels survive.</summary>
public sealed record CleanImage(byte[] Content, string ContentType, byte[] Thumbnail, int Width, int Height);

/// <summary>
/// Decodes a customer's image with SkiaSharp and encodes its pixels again, so nothing but the picture is kept: EXIF
/// (camera, time, GPS position), XMP, ICC and comment chunks, trailing data and anything a crafted file hides in them are
/// gone. The photo is turned the way its EXIF orientation says first, scaled down to <see cref="AttachmentOptions.MaxImageSide"/>,
/// and a small JPEG thumbnail is made. PNG stays PNG (screenshots keep their sharp text); JPEG and WebP become JPEG.
/// </summary>
public sealed class ImageSanitizer(IOptions<AttachmentOptions> options)
{
    /// <summary>The clean image, or null when the bytes do not decode as an image (or would be too many pixels).</summary>
    public CleanImage? Sanitize(byte[] bytes, string sniffedType)
    {
        var o = options.Value;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > o.MaxImageMegapixels * 1_000_000L) return null;
        using var decoded = SKBitmap.Decode(codec, info.WithColorType(SKImageInfo.PlatformColorType).WithAlphaType(SKAlphaType.Premul));
        if (decoded is null) return null;

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var keepPng = sniffedType == FileKinds.Png;
        using var full = Fit(upright, o.MaxImageSide, flatten: !keepPng);
        using var thumbnail = Fit(upright, o.ThumbnailSide, flatten: true);
        var content = Encode(full, keepPng ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, o.JpegQuality);
        var thumb = Encode(thumbnail, SKEncodedImageFormat.Jpeg, 75);
        return content is null || thumb is null ? null : new CleanImage(content, keepPng ? FileKinds.Png : FileKinds.Jpeg, thumb, full.Width, full.Height);
    }

    private static byte[]? Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, quality);
        return encoded?.ToArray();
    }

    /// <summary>A copy no larger than <paramref name="side"/> on its longer side; with <paramref name="flatten"/>, transparency on white (JPEG has none).</summary>
    private static SKBitmap Fit(SKBitmap source, int side, bool flatten)
    {
        var scale = Math.Min(1.0, (double)side / Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        var target = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, flatten ? SKAlphaType.Opaque : SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(flatten ? SKColors.White : SKColors.Transparent);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return target;
    }

    /// <summary>The bitmap turned as its EXIF orientation says, since the orientation tag is stripped with the rest.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return source.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var target = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, source.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); canvas.Scale(1, -1, 0, source.Height / 2f); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return target;
    }
}
