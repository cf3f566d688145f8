using CxBot.Tests.Knowledge;
using CxBot.Understanding;

namespace CxBot.Tests.Understanding;

public sealed class FrustrationPhrasesTests
{
    [Theory]
    [InlineData("Jestem naprawdę zirytowana. Trzeci sklep, w którym pytam, i nikt nie wie")]
    [InlineData("jestem juz wkurzony, trzeci raz pisze")]
    [InlineData("Mam tego dość, gdzie jest moja paczka")]
    [InlineData("mam dosc!")]
    [InlineData("So I just lose 200 zł for buying early?? That's ridiculous, I want the difference refunded NOW.")]
    [InlineData("it's getting really frustrating, the code still fails")]
    [InlineData("I've asked this three times already and nobody can tell me, I'm losing my patience")]
    [InlineData("wasted an hour on this, absolutely fed up")]
    [InlineData("no świetnie, zero pomocy. mam już dość tego waszego czatu")]
    [InlineData("tracę cierpliwość, trzeci dzień czekam")]
    [InlineData("why on earth does your website log me out every 5 minutes?? so irritating")]
    [InlineData("I'm really annoyed, the parcel is late again")]
    [InlineData("im so fed up with this shop")]
    [InlineData("I am getting frustrated here")]
    [InlineData("this is ridiculous, 3 weeks and nothing")]
    [InlineData("Skandal. Nikt nie odpisuje")]
    [InlineData("ugh, third time asking: does the lamp have a linen shade?")]
    [InlineData("ile razy mam pytać o ten klosz")]
    [InlineData("To nie jest odpowiedź na moje pytanie. Zaczyna mnie to naprawdę irytować.")]
    [InlineData("omg are you even reading what I write?? 😡")]
    [InlineData("this is getting really frustrating")]
    [InlineData("czy ty w ogóle czytasz co piszę")]
    public void SaidFrustration_IsRecognised(string text) => Assert.True(FrustrationPhrases.Say(text));

    [Theory]
    [InlineData("I'm not angry, just asking where my order is")]
    [InlineData("nie jestem zła, pytam tylko o zwrot")]
    [InlineData("mam dość dużą paczkę do odesłania, jak to zrobić?")]
    [InlineData("my daughter is annoyed the sweater is itchy, can I return it?")]
    [InlineData("is it ridiculous to ask for gift wrapping?")]
    [InlineData("I'm mad about this dress, is it in size M?")]
    [InlineData("can I ask a second time about the same order, or is one enough?")]
    [InlineData("is this frustrating wait normal for a parcel locker?")]
    [InlineData("zaczyna mi się podobać ten sweter, jest w rozmiarze L?")]
    [InlineData("are you reading the order number from the email or from the app?")]
    [InlineData("mam dość dużą paczkę, zmieści się w paczkomacie?")]
    [InlineData("is the fabric so irritating for sensitive skin? asking for my son")]
    public void ALookalike_IsNot(string text) => Assert.False(FrustrationPhrases.Say(text));
}
