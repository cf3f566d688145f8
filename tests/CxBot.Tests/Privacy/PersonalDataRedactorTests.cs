using System.Diagnostics;
using System.Text;
using CxBot.Privacy;

namespace CxBot.Tests.Privacy;

/// <summary>Check digits of every example were computed (Luhn, PESEL weights, ISO 13616 mod-97), not remembered.</summary>
public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("mój mail to jan.kowalski@example.com", "mój mail to [email]")]
    [InlineData("my email is Anna_Nowak+sklep@poczta.onet.pl, thanks", "my email is [email], thanks")]
    [InlineData("pisz na kontakt@sklep-online.com.pl.", "pisz na [email].")]
    [InlineData("JAN1990@GMAIL.COM", "[email]")]
    public void Redacts_email_addresses(string text, string expected) => Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("karta 4111 1111 1111 1111", "karta [card]")]
    [InlineData("my card is 4111111111111111, exp 12/27", "my card is [card], exp 12/27")]
    [InlineData("płacę kartą 5555-5555-5555-4444 dzisiaj", "płacę kartą [card] dzisiaj")]
    [InlineData("Amex 378282246310005", "Amex [card]")]
    [InlineData("Amex 3782 822463 10005", "Amex [card]")]
    [InlineData("Discover 6011 1111 1111 1117.", "Discover [card].")]
    [InlineData("karta 4012 8888 8888 1881 2 razy odrzucona", "karta [card] 2 razy odrzucona")]
    public void Redacts_card_numbers_that_pass_luhn(string text, string expected) => Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("przelew na PL61 1090 1014 0000 0712 1981 2874", "przelew na [iban]")]
    [InlineData("IBAN: PL61109010140000071219812874.", "IBAN: [iban].")]
    [InlineData("account DE89370400440532013000 please", "account [iban] please")]
    [InlineData("account DE89 3704 0044 0532 0130 00", "account [iban]")]
    [InlineData("UK account GB82 WEST 1234 5698 7654 32 ok", "UK account [iban] ok")]
    [InlineData("nr konta 61 1090 1014 0000 0712 1981 2874 jest ok", "nr konta [iban] jest ok")]
    [InlineData("nr konta 61109010140000071219812874", "nr konta [iban]")]
    [InlineData("konto PL61 1090 1014 0000 0712 1981 2874 moje", "konto [iban] moje")]
    public void Redacts_ibans_and_polish_account_numbers(string text, string expected) => Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("PESEL 44051401359", "PESEL [pesel]")]
    [InlineData("mój pesel to 02070803628, proszę sprawdzić", "mój pesel to [pesel], proszę sprawdzić")]
    [InlineData("national id: 90090515836", "national id: [pesel]")]
    public void Redacts_pesel_numbers(string text, string expected) => Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("zadzwoń +48 600 100 200", "zadzwoń [phone]")]
    [InlineData("tel. 600 100 200", "tel. [phone]")]
    [InlineData("mój numer 600-100-200, dzięki", "mój numer [phone], dzięki")]
    [InlineData("numer 600100200", "numer [phone]")]
    [InlineData("call me at +48600100200", "call me at [phone]")]
    [InlineData("(+48) 600 100 200", "[phone]")]
    [InlineData("numer 0048600100200", "numer [phone]")]
    [InlineData("0048 600 100 200 po 17", "[phone] po 17")]
    [InlineData("biuro 22 100 20 30", "biuro [phone]")]
    [InlineData("biuro (22) 100 20 30", "biuro [phone]")]
    [InlineData("biuro +48 22 100 20 30", "biuro [phone]")]
    [InlineData("London office +44 20 7946 0958", "London office [phone]")]
    [InlineData("US: +1 (555) 123-4567.", "US: [phone].")]
    [InlineData("Berlin +49 30 1234567", "Berlin [phone]")]
    [InlineData("600 100 200 lub 500 100 200", "[phone] lub [phone]")]
    public void Redacts_phone_numbers(string text, string expected) => Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("my key is sk-proj-abcdefghijklmnopqrstuvwx123", "my key is [secret]")]
    [InlineData("token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "token [secret]")]
    [InlineData("token github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "token [secret]")]
    [InlineData("aws AKIAIOSFODNN7EXAMPLE here", "aws [secret] here")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt [secret]")]
    [InlineData("Authorization: Bearer abc123.def456-ghi", "Authorization: Bearer [secret]")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "Authorization: Bearer [secret]")]
    [InlineData("password: Kot123!", "password: [secret]")]
    [InlineData("hasło: tajne123, a login jan", "hasło: [secret], a login jan")]
    [InlineData("moje hasło: tajne123 nie działa", "moje hasło: [secret] nie działa")]
    [InlineData("Hasło: Zima2026", "Hasło: [secret]")]
    [InlineData("HASŁO: tajne", "HASŁO: [secret]")]
    [InlineData("Password = kot", "Password = [secret]")]
    [InlineData("login=jan&haslo=xyz", "login=jan&haslo=[secret]")]
    [InlineData("{\"password\": \"s3cret pass\"}", "{\"password\": \"[secret]\"}")]
    public void Redacts_secrets_but_keeps_their_keys(string text, string expected) => Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("karta 4111 1111 1111 1112")]
    [InlineData("order 1234567812345678")]
    [InlineData("PESEL 44051401358")]
    [InlineData("PESEL 12345678901")]
    [InlineData("konto PL61 1090 1014 0000 0712 1981 2875")]
    [InlineData("account DE88370400440532013000")]
    [InlineData("nr konta 61 1090 1014 0000 0712 1981 2875")]
    public void Keeps_numbers_that_fail_their_checksum(string text)
    {
        var result = PersonalDataRedactor.Redact(text);

        Assert.Same(text, result);
        Assert.False(PersonalDataRedactor.ContainsPersonalData(text));
    }

    [Theory]
    [InlineData("Kurtka kosztuje 199 zł, a czapka 14,99 zł.")]
    [InlineData("Cena: 1 299,00 zł")]
    [InlineData("Dostawa 2026-11-22 albo 22.11.2026")]
    [InlineData("Infolinia działa 8:00–20:00, sobota 9:00-15:00")]
    [InlineData("Gdzie jest moje zamówienie 12345?")]
    [InlineData("order 55512 and order 12345678 are late")]
    [InlineData("Adres: ul. Prosta 5, 00-950 Warszawa")]
    [InlineData("My order is 3 weeks late, size 38, 2 pieces")]
    [InlineData("Poproszę 3 sztuki w rozmiarze 42 do 15.12")]
    [InlineData("Use a Bearer token for the API")]
    [InlineData("Zapomniałem hasła do konta")]
    [InlineData("Promocja -20% do 30.11, +5 dni na zwrot")]
    [InlineData("Dzień dobry, jak mogę zwrócić kurtkę?")]
    [InlineData("")]
    public void Keeps_text_without_personal_data_as_the_same_instance(string text)
    {
        var result = PersonalDataRedactor.Redact(text);

        Assert.Same(text, result);
        Assert.False(PersonalDataRedactor.ContainsPersonalData(text));
    }

    [Theory]
    [InlineData(
        "Jestem Jan, mail jan.kowalski@example.com, tel. +48 600 100 200, PESEL 44051401359, zamówienie 12345 z 2026-11-22 za 199 zł.",
        "Jestem Jan, mail [email], tel. [phone], PESEL [pesel], zamówienie 12345 z 2026-11-22 za 199 zł.")]
    [InlineData(
        "Refund to PL61 1090 1014 0000 0712 1981 2874, not card 4111 1111 1111 1111; call 22 100 20 30 or +44 20 7946 0958. password=Kot123",
        "Refund to [iban], not card [card]; call [phone] or [phone]. password=[secret]")]
    [InlineData(
        "order 1234567812345678 paid with 5555 5555 5555 4444 by anna@example.org",
        "order 1234567812345678 paid with [card] by [email]")]
    public void Redacts_several_items_in_one_text(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataRedactor.Redact(text));
        Assert.True(PersonalDataRedactor.ContainsPersonalData(text));
    }

    [Fact]
    public void Redacted_text_is_not_redacted_again()
    {
        var once = PersonalDataRedactor.Redact("hasło: abc123, mail a@b.pl, tel 600 100 200, Bearer abc123");

        var twice = PersonalDataRedactor.Redact(once);

        Assert.Equal("hasło: [secret], mail [email], tel [phone], Bearer [secret]", once);
        Assert.Same(once, twice);
    }

    [Fact]
    public void Handles_a_ten_thousand_character_text()
    {
        const string Filler = "Zamówienie 12345 z 2026-11-22 kosztowało 199 zł, dostawa 8:00–20:00. ";
        var body = new StringBuilder();
        while (body.Length < 10_000) body.Append(Filler);
        var text = "jan@example.com " + body + "+48 600 100 200";

        var result = PersonalDataRedactor.Redact(text);

        Assert.True(text.Length >= 10_000);
        Assert.Equal("[email] " + body + "[phone]", result);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("4111 ")]
    [InlineData("a")]
    [InlineData("+1")]
    [InlineData("a.")]
    [InlineData("PL12 ")]
    public void Handles_ten_thousand_characters_of_repetitive_input_quickly(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 10_000 / unit.Length)) + "@";
        var watch = Stopwatch.StartNew();

        PersonalDataRedactor.Redact(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
