using CxBot.Handoff;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Tests.Handoff;

public sealed class BusinessHoursTests
{
    private static readonly BusinessHoursOptions Options = new() { Holidays = ["2026-12-25"] };

    [Theory]
    [InlineData("2026-11-23T07:30:00Z", true)]   // Monday 08:30 in Warsaw (UTC+1)
    [InlineData("2026-11-23T06:59:00Z", false)]  // Monday 07:59
    [InlineData("2026-11-23T19:00:00Z", false)]  // Monday 20:00, closing time
    [InlineData("2026-11-28T15:00:00Z", true)]   // Saturday 16:00
    [InlineData("2026-11-29T12:00:00Z", false)]  // Sunday
    [InlineData("2026-12-25T10:00:00Z", false)]  // Christmas, a Friday
    [InlineData("2026-07-06T06:30:00Z", true)]   // Monday 08:30 in summer time (UTC+2)
    public void FollowsTheScheduleInTheStoresTimeZone(string instant, bool open)
    {
        var sut = new BusinessHours(Microsoft.Extensions.Options.Options.Create(Options), new FakeTimeProvider());

        Assert.Equal(open, sut.IsOpen(DateTimeOffset.Parse(instant)));
    }
}
