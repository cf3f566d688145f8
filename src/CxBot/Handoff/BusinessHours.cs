using System.Globalization;
using Microsoft.Extensions.Options;

namespace CxBot.Handoff;

/// <summary>Tells whether consultants work at a given moment, in the store's time zone, holidays included.</summary>
public sealed class BusinessHours(IOptions<BusinessHoursOptions> options, TimeProvider time)
{
    public bool IsOpen() => IsOpen(time.GetUtcNow());

    public bool IsOpen(DateTimeOffset instant)
    {
        var o = options.Value;
        if (o.AlwaysOpen) return true;
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone));
        if (o.Holidays.Contains(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) return false;
        if (!o.Schedule.TryGetValue(local.DayOfWeek.ToString(), out var hours) || string.IsNullOrWhiteSpace(hours)) return false;
        var parts = hours.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close))
            throw new FormatException($"BusinessHours:Schedule:{local.DayOfWeek} must look like 08:00-20:00, not '{hours}'.");
        var now = TimeOnly.FromDateTime(local.DateTime);
        return now >= open && now < close;
    }
}
