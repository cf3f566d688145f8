using System.ComponentModel.DataAnnotations;

namespace CxBot.Attachments;

/// <summary>What customers may attach in the chat (Web Chat's paper-clip button): photos and PDF documents, within limits.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>Accept files at all; when false the upload is refused as before (415).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Largest file accepted, in MB.</summary>
    [Range(1, 100)]
    public int MaxFileMegabytes { get; set; } = 10;

    /// <summary>Files one conversation may hold; more are refused with a message.</summary>
    [Range(1, 1000)]
    public int MaxFilesPerConversation { get; set; } = 20;

    /// <summary>Files one message may carry.</summary>
    [Range(1, 20)]
    public int MaxFilesPerMessage { get; set; } = 5;

    /// <summary>Uploads (messages with files) one conversation may send per minute, on each instance.</summary>
    [Range(1, 1000)]
    public int UploadsPerMinutePerConversation { get; set; } = 6;

    /// <summary>Images with more pixels than this (millions) are refused before they are decoded: a decompression bomb stays a small file.</summary>
    [Range(1, 200)]
    public int MaxImageMegapixels { get; set; } = 50;

    /// <summary>Images are scaled down to at most this many pixels on their longer side when re-encoded.</summary>
    [Range(256, 16_384)]
    public int MaxImageSide { get; set; } = 4096;

    /// <summary>Longer side of the thumbnails the desk and the customer's chat show, in pixels.</summary>
    [Range(32, 1024)]
    public int ThumbnailSide { get; set; } = 320;

    /// <summary>JPEG quality of re-encoded photos.</summary>
    [Range(50, 100)]
    public int JpegQuality { get; set; } = 90;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}
