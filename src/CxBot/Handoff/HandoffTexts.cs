namespace CxBot.Handoff;

/// <summary>What the bot tells the customer about handoffs, in each language.</summary>
public sealed record HandoffTexts
{
    /// <summary>Offered after the bot failed to help.</summary>
    public required string Offer { get; init; }
    /// <summary>Offered when the customer sounds frustrated, often right after an answer: no claim that the bot failed.</summary>
    public required string OfferOnFrustration { get; init; }
    public required string OfferYes { get; init; }
    public required string OfferNo { get; init; }
    public required string StayWithBot { get; init; }
    public required string Queued { get; init; }
    public required string QueuedSoon { get; init; }
    public required string QueuedNoEstimate { get; init; }
    public required string StillQueued { get; init; }
    public required string CancelWaiting { get; init; }
    public required string Cancelled { get; init; }
    public required string OutsideHours { get; init; }
    public required string NoAgentOnline { get; init; }
    public required string LeaveMessage { get; init; }
    public required string ContinueWithBot { get; init; }
    public required string TicketCreated { get; init; }
    public required string AgentJoined { get; init; }
    public required string ReturnedToBot { get; init; }
    public required string AgentEnded { get; init; }
    public required string Transferred { get; init; }
    public required string AgentDisconnected { get; init; }

    public static HandoffTexts Polish { get; } = new()
    {
        Offer = "Widzę, że nie udaje mi się pomóc. Czy połączyć Cię z konsultantem?",
        OfferOnFrustration = "Przykro mi z tego powodu. Jeśli wolisz załatwić to z człowiekiem, mogę połączyć Cię z konsultantem. Połączyć?",
        OfferYes = "Tak, połącz z konsultantem",
        OfferNo = "Nie, dziękuję",
        StayWithBot = "Dobrze, zostaję do Twojej dyspozycji. O co jeszcze chcesz zapytać?",
        Queued = "Przekazuję rozmowę konsultantowi. Jesteś **{0}.** w kolejce, szacowany czas oczekiwania to około **{1} min**. Konsultant zobaczy całą naszą rozmowę — nie musisz niczego powtarzać.",
        QueuedSoon = "Przekazuję rozmowę konsultantowi. Jesteś **{0}.** w kolejce — konsultant powinien dołączyć za chwilę. Zobaczy całą naszą rozmowę, nie musisz niczego powtarzać.",
        QueuedNoEstimate = "Przekazuję rozmowę konsultantowi. Jesteś **{0}.** w kolejce.",
        StillQueued = "Zapisałem Twoją wiadomość dla konsultanta. Jesteś **{0}.** w kolejce{1}.",
        CancelWaiting = "Anuluj czekanie",
        Cancelled = "Anulowałem czekanie na konsultanta. Wracasz do rozmowy ze mną — w czym mogę pomóc?",
        OutsideHours = "Konsultanci pracują pon.–pt. 8:00–20:00 i w soboty 9:00–17:00, więc teraz nikt nie może dołączyć. Napisz tutaj swoją sprawę i kontakt (e-mail lub telefon) — przekażę ją zespołowi, odezwiemy się w godzinach pracy. Możesz też rozmawiać dalej ze mną.",
        NoAgentOnline = "Niestety w tej chwili żaden konsultant nie jest dostępny. Napisz tutaj swoją sprawę i kontakt (e-mail lub telefon) — przekażę ją zespołowi. Możesz też rozmawiać dalej ze mną.",
        LeaveMessage = "Zostaw wiadomość",
        ContinueWithBot = "Rozmawiaj dalej z botem",
        TicketCreated = "Dziękuję, przekazałem Twoją wiadomość zespołowi (zgłoszenie {0}). Odezwiemy się najszybciej, jak to możliwe.",
        AgentJoined = "**{0}** (konsultant) dołącza do rozmowy.",
        ReturnedToBot = "Konsultant zakończył swoją część rozmowy — wracasz do mnie, bota. W czym jeszcze mogę pomóc?",
        AgentEnded = "Konsultant zakończył rozmowę. Dziękujemy!",
        Transferred = "Przekazuję Cię innemu konsultantowi — jesteś pierwszy w kolejce.",
        AgentDisconnected = "Konsultant stracił połączenie. Jesteś teraz pierwszy w kolejce, zaraz ktoś dołączy — nic z rozmowy nie zginęło.",
    };

    public static HandoffTexts English { get; } = new()
    {
        Offer = "It looks like I'm not managing to help. Shall I connect you with a consultant?",
        OfferOnFrustration = "I'm sorry about this. If you'd rather sort it out with a person, I can connect you with a consultant. Shall I?",
        OfferYes = "Yes, connect me",
        OfferNo = "No, thanks",
        StayWithBot = "All right, I'm still here. What else would you like to ask?",
        Queued = "I'm passing you to a consultant. You are **#{0}** in the queue; the estimated wait is about **{1} min**. The consultant will see our whole conversation, so you won't need to repeat anything.",
        QueuedSoon = "I'm passing you to a consultant. You are **#{0}** in the queue — a consultant should join shortly. They will see our whole conversation, so you won't need to repeat anything.",
        QueuedNoEstimate = "I'm passing you to a consultant. You are **#{0}** in the queue.",
        StillQueued = "I've saved your message for the consultant. You are **#{0}** in the queue{1}.",
        CancelWaiting = "Stop waiting",
        Cancelled = "I've cancelled the wait for a consultant. You're back with me — how can I help?",
        OutsideHours = "Our consultants work Mon–Fri 8:00–20:00 and Saturdays 9:00–17:00 (Polish time), so nobody can join right now. Write your request and a contact (e-mail or phone) here and I'll pass it to the team; we'll get back to you during working hours. You can also keep chatting with me.",
        NoAgentOnline = "Unfortunately no consultant is available right now. Write your request and a contact (e-mail or phone) here and I'll pass it to the team. You can also keep chatting with me.",
        LeaveMessage = "Leave a message",
        ContinueWithBot = "Continue with the bot",
        TicketCreated = "Thank you, I've passed your message to the team (ticket {0}). We'll get back to you as soon as we can.",
        AgentJoined = "**{0}** (consultant) has joined the conversation.",
        ReturnedToBot = "The consultant has finished their part — you're back with me, the bot. What else can I help with?",
        AgentEnded = "The consultant has ended the conversation. Thank you!",
        Transferred = "I'm transferring you to another consultant — you're first in the queue.",
        AgentDisconnected = "Your consultant lost their connection. You're now first in the queue and someone will join shortly — nothing from the conversation is lost.",
    };

    public static HandoffTexts For(string language) => language == "en" ? English : Polish;
}
