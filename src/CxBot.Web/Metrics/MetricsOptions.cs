namespace CxBot.Web.Metrics;

/// <summary>The Prometheus endpoint (<c>/metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve <c>/metrics</c> (Prometheus text format). Off: no endpoint and no collection.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A separate management address for <c>/metrics</c> and the health endpoints, e.g. <c>http://*:9464</c>, kept out
    /// of the public proxy; it answers nothing else, and <c>/metrics</c> is then not served on the main address.
    /// Empty: <c>/metrics</c> is served on the main address.
    /// </summary>
    public string? ManagementUrl { get; set; }

    /// <summary>The management port; null when <see cref="ManagementUrl"/> is empty or has no port.</summary>
    public int? ManagementPort =>
        !string.IsNullOrWhiteSpace(ManagementUrl)
        && Uri.TryCreate(ManagementUrl.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
            UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp && uri.Port > 0
            ? uri.Port
            : null;

    public bool IsValid => string.IsNullOrWhiteSpace(ManagementUrl) || ManagementPort is not null;
}
