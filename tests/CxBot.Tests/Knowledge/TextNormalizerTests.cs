using CxBot.Knowledge.Text;

namespace CxBot.Tests.Knowledge;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Zwrot pieniędzy?!", "zwrot pieniedzy")]
    [InlineData("where is my parcel\u001b[31m\u001b[0m now", "where is my parcel now")]
    [InlineData("parcel\u001b[1;31mlost", "parcel lost")]
    [InlineData("code \u001b[ 42", "code 42")]
    [InlineData("tail \u001b", "tail")]
    [InlineData("null\u0000byte \u202eflip\ufeff", "null byte flip")]
    public void Normalize_KeepsOnlyWords(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));
}
