namespace CxBot.Texts;

/// <summary>
/// The keys of everything the bot says (one file per language under <c>Bot:TextsFolder</c>), with the placeholders each
/// text must keep. Start-up and every reload check each language's file against this list.
/// </summary>
public static class TextKeys
{
    /// <summary>Keys whose value is a list (the rating scale's buttons), not one sentence.</summary>
    public static readonly HashSet<string> Lists = ["survey_scale"];

    /// <summary>Every key, with the placeholders its text must contain.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["greeting"] = [], ["privacy_link"] = [], ["hello"] = [], ["invite_question"] = [], ["you_are_welcome"] = [],
        ["anything_else_no"] = [], ["anything_else_yes"] = [], ["ask_away"] = [], ["goodbye"] = [], ["i_am_a_bot"] = [],
        ["source"] = [], ["did_this_help"] = [], ["helped_yes"] = [], ["helped_no"] = [], ["sorry_not_helpful"] = [],
        ["did_you_mean"] = [], ["do_you_mean"] = ["title"], ["yes"] = [], ["no"] = [], ["confirm_declined"] = [], ["dont_know"] = [],
        ["not_understood"] = [], ["empathy"] = [], ["talk_to_person"] = [], ["person_requested"] = [], ["frustration_handoff"] = [], ["escalate_offer"] = [],
        ["internal_error"] = [],
        ["protected_safety"] = [], ["protected_health"] = [], ["protected_legal"] = [], ["protected_fraud"] = [],
        ["protected_vulnerable"] = [], ["protected_complaint"] = [], ["urgent_ticket"] = ["ticket"],
        ["offer"] = [], ["offer_yes"] = [], ["offer_no"] = [], ["stay_with_bot"] = [],
        ["queued"] = ["position", "minutes"], ["queued_soon"] = ["position"], ["queued_no_estimate"] = ["position"],
        ["still_queued"] = ["position", "wait"], ["still_queued_wait"] = ["minutes"], ["position_update"] = ["position", "wait"],
        ["cancel_waiting"] = [], ["cancelled"] = [], ["outside_hours"] = [], ["no_agent_online"] = [], ["continue_with_bot"] = [], ["write_request"] = [],
        ["ticket_created"] = ["ticket"], ["ticket_updated"] = ["ticket"], ["agent_joined"] = ["agent"], ["returned_to_bot"] = [],
        ["agent_ended"] = [], ["transferred"] = [], ["agent_disconnected"] = [],
        ["survey_satisfaction"] = [], ["survey_effort"] = [], ["survey_offer_follow_up"] = [], ["survey_follow_up_yes"] = [],
        ["survey_follow_up_no"] = [], ["survey_follow_up_created"] = ["ticket"], ["survey_comment"] = [], ["survey_skip"] = [],
        ["survey_thank_you"] = [], ["end_chat"] = [], ["survey_scale"] = [],
        ["file_received_photo"] = [], ["file_received_document"] = [], ["file_received_for_agent"] = [], ["file_received_tell_more"] = [],
        ["file_refused_type"] = ["name"], ["file_refused_size"] = ["name", "limit"], ["file_refused_count"] = ["limit"],
        ["file_refused_rate"] = [], ["file_refused_unreadable"] = ["name"],
    };
}
