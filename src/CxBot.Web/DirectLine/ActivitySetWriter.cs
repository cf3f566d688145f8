using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CxBot.Conversations;

namespace CxBot.Web.DirectLine;

/// <summary>
/// Writes the Direct Line <c>ActivitySet</c>, <c>{"activities": [...], "watermark": "n"}</c>, from the stored
/// wire JSON without re-serialising each activity.
/// </summary>
public static class ActivitySetWriter
{
    public static void Write(IBufferWriter<byte> buffer, ActivityPage page)
    {
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteStartArray("activities");
        foreach (var activity in page.Activities) writer.WriteRawValue(activity.Json, skipInputValidation: true);
        writer.WriteEndArray();
        writer.WriteString("watermark", page.Watermark.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    public static byte[] ToBytes(ActivityPage page)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + page.Activities.Sum(a => a.Json.Length + 1));
        Write(buffer, page);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses a client's watermark; absent or not a number means "from the start".</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
