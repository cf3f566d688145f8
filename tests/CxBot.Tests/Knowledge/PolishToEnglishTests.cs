using CxBot.Knowledge.Text;

namespace CxBot.Tests.Knowledge;

public sealed class PolishToEnglishTests
{
    [Theory]
    [InlineData("gdzie jest moja paczka", new[] { "where", "my", "parcel" })]
    [InlineData("Gdzie jest moja paczka??", new[] { "where", "parcel" })]
    [InlineData("gdzie jest moja paczka zamowienie 48213", new[] { "where", "48213" })]
    [InlineData("ile kosztuje dostawa kurierem", new[] { "how much", "delivery", "courier" })]
    [InlineData("zgubiłam hasło do konta", new[] { "password", "account" })]
    [InlineData("czy wysyłacie do Niemiec", new[] { "send", "german" })]
    public void PolishQuestions_ReadInEnglish_WithTheirTopicWords(string polish, string[] expected)
    {
        var english = PolishToEnglish.Translate(polish);

        foreach (var word in expected) Assert.Contains(word, english);
    }

    [Theory]
    [InlineData("ile mam punktów w klubie", new[] { "points", "club" })]
    [InlineData("odbiór osobisty w salonie", new[] { "pickup", "store" })]
    [InlineData("do którego paczkomatu wysłać zwrot", new[] { "parcel locker", "return" })]
    [InlineData("kurtka jest wyprzedana", new[] { "sold out" })]
    public void StoreWords_ReadInTheirStoreSense(string polish, string[] expected)
    {
        var english = PolishToEnglish.Translate(polish);

        foreach (var word in expected) Assert.Contains(word, english);
        Assert.DoesNotContain("dot", english);
    }

    [Theory]
    [InlineData("rozmiar niedostępny", "not available")]
    [InlineData("sklep jest nieczynny w niedzielę", "not open")]
    [InlineData("paczka przyszła niekompletna", "not complete")]
    public void ANegatedForm_KeepsItsNegation(string polish, string expected) =>
        Assert.Contains(expected, PolishToEnglish.Translate(polish));

    [Fact]
    public void WordsItDoesNotKnow_StayAsTheyAre()
    {
        Assert.Equal("can i pay paypalem xyzzy", PolishToEnglish.Translate("czy moge zaplacic paypalem xyzzy"));
    }
}
