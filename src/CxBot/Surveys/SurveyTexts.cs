namespace CxBot.Surveys;

/// <summary>The survey's words, in each language.</summary>
public sealed record SurveyTexts
{
    public required string AskSatisfaction { get; init; }
    public required string AskEffort { get; init; }
    public required string OfferFollowUp { get; init; }
    public required string FollowUpYes { get; init; }
    public required string FollowUpNo { get; init; }
    public required string FollowUpCreated { get; init; }
    public required string AskComment { get; init; }
    public required string Skip { get; init; }
    public required string ThankYou { get; init; }
    public required string EndChat { get; init; }
    public required string[] Scale { get; init; }

    public static SurveyTexts Polish { get; } = new()
    {
        AskSatisfaction = "Jak oceniasz tę rozmowę? (1 — bardzo źle, 5 — bardzo dobrze)",
        AskEffort = "Jak łatwo było załatwić Twoją sprawę? (1 — bardzo trudno, 5 — bardzo łatwo)",
        OfferFollowUp = "Przykro mi, że było trudno. Czy konsultant ma się z Tobą skontaktować w tej sprawie?",
        FollowUpYes = "Tak, proszę o kontakt",
        FollowUpNo = "Nie, dziękuję",
        FollowUpCreated = "Dobrze — zespół odezwie się do Ciebie (zgłoszenie {0}).",
        AskComment = "Chcesz coś dodać? Twoja uwaga pomoże nam się poprawić (opcjonalnie).",
        Skip = "Pomiń",
        ThankYou = "Dziękujemy za ocenę i za rozmowę! 💜",
        EndChat = "Zakończ czat",
        Scale = ["1 😞", "2", "3", "4", "5 😊"],
    };

    public static SurveyTexts English { get; } = new()
    {
        AskSatisfaction = "How satisfied are you with this conversation? (1 — very dissatisfied, 5 — very satisfied)",
        AskEffort = "How easy was it to get your issue handled? (1 — very difficult, 5 — very easy)",
        OfferFollowUp = "I'm sorry it was difficult. Would you like a consultant to contact you about it?",
        FollowUpYes = "Yes, please contact me",
        FollowUpNo = "No, thanks",
        FollowUpCreated = "All right — the team will get back to you (ticket {0}).",
        AskComment = "Anything you'd like to add? It helps us improve (optional).",
        Skip = "Skip",
        ThankYou = "Thank you for your rating and for chatting with us! 💜",
        EndChat = "End chat",
        Scale = ["1 😞", "2", "3", "4", "5 😊"],
    };

    public static SurveyTexts For(string language) => language == "en" ? English : Polish;
}
