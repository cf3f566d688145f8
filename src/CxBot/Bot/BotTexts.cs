namespace CxBot.Bot;

/// <summary>What the bot says, in each language it speaks.</summary>
public sealed record BotTexts(
    string Greeting,
    string PrivacyLinkText,
    string NotSureYet,
    string TalkToPerson,
    string InternalError)
{
    public static BotTexts Polish { get; } = new(
        Greeting: "Cześć! Jestem **CxBot**, wirtualny asystent sklepu Wrzos — jestem botem, nie człowiekiem. "
            + "Pomogę w sprawach zamówień, dostawy, zwrotów i płatności. "
            + "W każdej chwili możesz poprosić o rozmowę z konsultantem.",
        PrivacyLinkText: "Jak chronimy Twoje dane w czacie",
        NotSureYet: "Jeszcze nie znam odpowiedzi na to pytanie. Spróbuj zapytać inaczej albo poproś o konsultanta.",
        TalkToPerson: "Porozmawiaj z konsultantem",
        InternalError: "Przepraszam, coś poszło nie tak po mojej stronie. Spróbuj ponownie za chwilę.");

    public static BotTexts English { get; } = new(
        Greeting: "Hi! I'm **CxBot**, the Wrzos store's virtual assistant — a bot, not a person. "
            + "I can help with orders, delivery, returns and payments. "
            + "You can ask to talk to a consultant at any time.",
        PrivacyLinkText: "How we protect your data in this chat",
        NotSureYet: "I don't know the answer to that yet. Try asking in other words, or ask for a consultant.",
        TalkToPerson: "Talk to a consultant",
        InternalError: "Sorry, something went wrong on my side. Please try again in a moment.");

    public static BotTexts For(string language) => language == Turns.Languages.English ? English : Polish;
}
