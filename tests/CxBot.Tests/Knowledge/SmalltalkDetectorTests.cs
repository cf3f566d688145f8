using CxBot.Knowledge;

namespace CxBot.Tests.Knowledge;

public sealed class SmalltalkDetectorTests
{
    [Theory]
    [InlineData("konsultant")]
    [InlineData("terrible job, get me a human")]
    [InlineData("czy moge porozmawiac z czlowiekiem")]
    [InlineData("Czy mogę porozmawiać z człowiekiem?")]
    [InlineData("poproszę konsultanta")]
    [InlineData("chcę rozmawiać z żywym człowiekiem!!!")]
    [InlineData("połącz mnie z pracownikiem")]
    [InlineData("agent please")]
    [InlineData("real person")]
    [InlineData("I want to talk to a human")]
    [InlineData("can I speak to someone from customer service")]
    [InlineData("HUMAN")]
    public void RequestsForAPerson_AreRecognised(string text) => Assert.Equal(SmalltalkKind.HumanRequest, SmalltalkDetector.Detect(text));

    [Theory]
    [InlineData("czy jesteś botem?")]
    [InlineData("czy rozmawiam z człowiekiem?")]
    [InlineData("are you a bot")]
    [InlineData("am I talking to a real person?")]
    [InlineData("r u human")]
    public void CuriosityAboutTheBot_IsNotAHandoff(string text) => Assert.Equal(SmalltalkKind.BotQuestion, SmalltalkDetector.Detect(text));

    [Theory]
    [InlineData("Dzień dobry", SmalltalkKind.Greeting)]
    [InlineData("hej", SmalltalkKind.Greeting)]
    [InlineData("hello there", SmalltalkKind.Greeting)]
    [InlineData("dzięki!", SmalltalkKind.Thanks)]
    [InlineData("dziekuje bardzo za pomoc", SmalltalkKind.Thanks)]
    [InlineData("thanks a lot", SmalltalkKind.Thanks)]
    [InlineData("do widzenia", SmalltalkKind.Goodbye)]
    [InlineData("dzięki, to wszystko", SmalltalkKind.Goodbye)]
    [InlineData("thanks, that's all", SmalltalkKind.Goodbye)]
    [InlineData("bye", SmalltalkKind.Goodbye)]
    public void Pleasantries_AreRecognised(string text, SmalltalkKind expected) => Assert.Equal(expected, SmalltalkDetector.Detect(text));

    [Theory]
    [InlineData("dzień dobry, gdzie jest moja paczka?")]
    [InlineData("hi, how much is delivery")]
    [InlineData("thanks, and how do I return a jacket?")]
    [InlineData("can I pick up my order in person?")]
    [InlineData("zwrot pieniedzy")]
    [InlineData("czy szukacie pracowników")]
    [InlineData("czy zatrudniacie konsultantów do sklepu?")]
    [InlineData("are you hiring staff")]
    [InlineData("do you have jobs for sales agents")]
    public void AQuestion_IsNotSmalltalk(string text) => Assert.Equal(SmalltalkKind.None, SmalltalkDetector.Detect(text));
}
