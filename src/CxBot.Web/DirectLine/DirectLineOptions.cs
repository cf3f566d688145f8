using System.ComponentModel.DataAnnotations;

namespace CxBot.Web.DirectLine;

/// <summary>The Direct Line 3.0 channel the website's Web Chat talks to.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The channel secret (environment <c>DirectLine__Secret</c>). It stays on the server: the page gets
    /// short-lived tokens. Empty: a random secret is created once and kept in the data folder.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Lifetime of a conversation token; Web Chat refreshes it every 15 minutes, so keep it above that.</summary>
    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>Longest message text accepted, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>Largest activity body accepted, in bytes.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>Seconds between empty heartbeat frames on an idle WebSocket stream.</summary>
    [Range(1, 300)]
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Public base address (e.g. <c>https://chat.example.com</c>) for stream URLs behind a proxy; empty uses the request's.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Activities one conversation may post per minute.</summary>
    [Range(1, 100_000)]
    public int ActivitiesPerMinutePerConversation { get; set; } = 60;

    /// <summary>Direct Line and API requests one IP address may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinutePerIp { get; set; } = 1200;

    /// <summary>
    /// Conversations one IP address may open per minute without the secret: the browser's <c>/api/webchat/token</c>
    /// and conversations started with a token.
    /// </summary>
    [Range(1, 100_000)]
    public int ConversationsPerMinutePerIp { get; set; } = 30;

    /// <summary>
    /// Requests authenticated with the secret (a website's backend minting a token per visitor with
    /// <c>tokens/generate</c>, or starting conversations) this instance accepts per minute, from any address
    /// together. The secret holder is trusted, so the per-IP limits do not apply to them.
    /// </summary>
    [Range(1, 10_000_000)]
    public int SecretRequestsPerMinute { get; set; } = 6000;

    /// <summary>
    /// Origins whose pages may call <c>/v3/directline</c> from the browser (CORS), for Web Chat on a website other
    /// than CxBot's own address: <c>*</c> (the default, as Azure Bot Service does) allows any, since the API takes
    /// bearer tokens and never cookies; or a comma-separated list (<c>https://shop.example.com,https://www.example.com</c>);
    /// empty allows none. <c>/api/webchat/token</c> stays same-origin whatever this says.
    /// </summary>
    public string AllowedOrigins { get; set; } = "*";

    /// <summary>Open WebSocket streams this instance accepts at once.</summary>
    [Range(1, 1_000_000)]
    public int MaxWebSockets { get; set; } = 20_000;
}
