namespace CxBot.Bot;

/// <summary>What the bot says, in each language it speaks.</summary>
public sealed record BotTexts
{
    public required string Greeting { get; init; }
    public required string PrivacyLinkText { get; init; }
    public required string Hello { get; init; }
    public required string YouAreWelcome { get; init; }
    public required string Goodbye { get; init; }
    public required string IAmABot { get; init; }
    public required string Source { get; init; }
    public required string DidThisHelp { get; init; }
    public required string HelpedYes { get; init; }
    public required string HelpedNo { get; init; }
    public required string SorryNotHelpful { get; init; }
    public required string DidYouMean { get; init; }
    public required string DontKnow { get; init; }
    public required string TalkToPerson { get; init; }
    public required string PersonRequested { get; init; }
    public required string EscalateOffer { get; init; }
    public required string InternalError { get; init; }

    public static BotTexts Polish { get; } = new()
    {
        Greeting = "Cześć! Jestem **CxBot**, wirtualny asystent sklepu Wrzos — jestem botem, nie człowiekiem. "
            + "Pomogę w sprawach zamówień, dostawy, zwrotów i płatności. "
            + "W każdej chwili możesz poprosić o rozmowę z konsultantem.",
        PrivacyLinkText = "Jak chronimy Twoje dane w czacie",
        Hello = "Cześć! W czym mogę pomóc?",
        YouAreWelcome = "Nie ma za co! Czy mogę pomóc w czymś jeszcze?",
        Goodbye = "Dziękuję za rozmowę. Do usłyszenia!",
        IAmABot = "Tak, jestem botem — programem, który odpowiada na pytania o sklep Wrzos. Jeśli wolisz porozmawiać z człowiekiem, napisz „konsultant”.",
        Source = "Źródło",
        DidThisHelp = "Czy to pomogło?",
        HelpedYes = "Tak, dziękuję",
        HelpedNo = "Nie, to nie pomogło",
        SorryNotHelpful = "Przykro mi, że to nie pomogło. Spróbuj opisać sprawę innymi słowami albo porozmawiaj z konsultantem.",
        DidYouMean = "Nie jestem pewien, o co pytasz. Czy chodzi o któryś z tych tematów?",
        DontKnow = "Niestety nie znam odpowiedzi na to pytanie. Spróbuj zapytać innymi słowami albo porozmawiaj z konsultantem.",
        TalkToPerson = "Porozmawiaj z konsultantem",
        PersonRequested = "Rozumiem, chcesz porozmawiać z człowiekiem.",
        EscalateOffer = "Tą sprawą najlepiej zajmie się konsultant — mogę Cię połączyć.",
        InternalError = "Przepraszam, coś poszło nie tak po mojej stronie. Spróbuj ponownie za chwilę.",
    };

    public static BotTexts English { get; } = new()
    {
        Greeting = "Hi! I'm **CxBot**, the Wrzos store's virtual assistant — a bot, not a person. "
            + "I can help with orders, delivery, returns and payments. "
            + "You can ask to talk to a consultant at any time.",
        PrivacyLinkText = "How we protect your data in this chat",
        Hello = "Hi! How can I help?",
        YouAreWelcome = "You're welcome! Is there anything else I can help with?",
        Goodbye = "Thank you for the chat. Goodbye!",
        IAmABot = "Yes, I'm a bot — a program that answers questions about the Wrzos store. If you'd rather talk to a person, type \"consultant\".",
        Source = "Source",
        DidThisHelp = "Did this help?",
        HelpedYes = "Yes, thanks",
        HelpedNo = "No, that didn't help",
        SorryNotHelpful = "I'm sorry that didn't help. Try describing it in other words, or talk to a consultant.",
        DidYouMean = "I'm not sure what you mean. Is it one of these?",
        DontKnow = "I'm sorry, I don't know the answer to that. Try asking in other words, or talk to a consultant.",
        TalkToPerson = "Talk to a consultant",
        PersonRequested = "Understood, you'd like to talk to a person.",
        EscalateOffer = "A consultant is best placed to handle this — I can connect you.",
        InternalError = "Sorry, something went wrong on my side. Please try again in a moment.",
    };

    public static BotTexts For(string language) => language == Turns.Languages.English ? English : Polish;
}
