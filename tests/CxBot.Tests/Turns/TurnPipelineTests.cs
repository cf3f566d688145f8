using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Turns;
using Moq;

namespace CxBot.Tests.Turns;

public sealed class TurnPipelineTests
{
    [Fact]
    public async Task Runs_MiddlewareInOrder_AroundTheBot()
    {
        var calls = new List<string>();
        var bot = new Mock<IBot>();
        bot.Setup(b => b.OnTurnAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("bot")).Returns(Task.CompletedTask);
        var sut = new TurnPipeline([new Recording("a", calls), new Recording("b", calls)], bot.Object);

        await sut.RunAsync(NewContext(), CancellationToken.None);

        Assert.Equal(["a:before", "b:before", "bot", "b:after", "a:after"], calls);
    }

    [Fact]
    public async Task Middleware_CanEndTheTurn_WithoutTheBot()
    {
        var bot = new Mock<IBot>(MockBehavior.Strict);
        var sut = new TurnPipeline([new ShortCircuit()], bot.Object);

        await sut.RunAsync(NewContext(), CancellationToken.None);

        bot.VerifyNoOtherCalls();
    }

    private static TurnContext NewContext() =>
        new(new Activity { Type = ActivityTypes.Message, Text = "hi" }, new Conversation("c1", DateTimeOffset.UnixEpoch, null, "pl-PL"), new ConversationState(),
            new ActivityLog(Mock.Of<IConversationStore>(), new LocalActivityFeed()), TimeProvider.System);

    private sealed class Recording(string name, List<string> calls) : ITurnMiddleware
    {
        public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
        {
            calls.Add($"{name}:before");
            await next(cancellationToken);
            calls.Add($"{name}:after");
        }
    }

    private sealed class ShortCircuit : ITurnMiddleware
    {
        public Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
