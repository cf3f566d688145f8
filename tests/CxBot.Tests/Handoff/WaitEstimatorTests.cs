using CxBot.Handoff;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Handoff;

public sealed class WaitEstimatorTests
{
    [Fact]
    public void NoAgentOnline_MeansNoEstimate()
    {
        var sut = new WaitEstimator(new AgentRegistry(), Options.Create(new HandoffOptions()));

        Assert.Null(sut.EstimateMinutes(1));
    }

    [Fact]
    public void FreeSlots_MeanAboutNow_AndBeyondThemTheWaitGrowsWithHandleTime()
    {
        var agents = new AgentRegistry();
        agents.Connected("anna", "Anna", capacity: 2);
        agents.Connected("jan", "Jan", capacity: 2);
        agents.TryAssign("anna", "c1");
        var sut = new WaitEstimator(agents, Options.Create(new HandoffOptions { DefaultHandleMinutes = 8 }));

        Assert.Equal(0, sut.EstimateMinutes(3));          // three free slots
        Assert.Equal(2, sut.EstimateMinutes(4));          // one ahead of the free slots: 8 min / 4 slots
        Assert.Equal(4, sut.EstimateMinutes(5));
    }

    [Fact]
    public void MeasuredHandleTimes_ReplaceTheDefault()
    {
        var agents = new AgentRegistry();
        agents.Connected("anna", "Anna", capacity: 1);
        agents.TryAssign("anna", "c1");
        var sut = new WaitEstimator(agents, Options.Create(new HandoffOptions { DefaultHandleMinutes = 8 }));
        foreach (var minutes in new[] { 3, 3, 3 }) sut.RecordHandleTime(TimeSpan.FromMinutes(minutes));

        Assert.Equal(3, sut.EstimateMinutes(1));
    }
}
