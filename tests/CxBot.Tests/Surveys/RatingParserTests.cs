using CxBot.Surveys;

namespace CxBot.Tests.Surveys;

public sealed class RatingParserTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData("1", 1)]
    [InlineData("4/5", 4)]
    [InlineData("3 na 5", 3)]
    [InlineData("⭐⭐⭐⭐", 4)]
    [InlineData("bardzo dobrze", 5)]
    [InlineData("bardzo dobrze!", 5)]
    [InlineData("dobrze", 4)]
    [InlineData("średnio", 3)]
    [InlineData("źle", 2)]
    [InlineData("bardzo źle", 1)]
    [InlineData("terrible", 1)]
    [InlineData("great", 5)]
    [InlineData("ok", 3)]
    public void UnderstandsTypedRatings(string text, int expected) => Assert.Equal(expected, RatingParser.Parse(text));

    [Theory]
    [InlineData("gdzie jest moja paczka")]
    [InlineData("7")]
    [InlineData("order 12345")]
    public void OtherMessages_AreNotRatings(string text) => Assert.Null(RatingParser.Parse(text));
}
