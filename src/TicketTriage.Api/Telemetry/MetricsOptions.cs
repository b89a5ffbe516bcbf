using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.Telemetry;

/// <summary>Where the Prometheus scrape endpoint answers, who may read it, and how fresh the open-ticket gauge is.</summary>
internal sealed class MetricsOptions
{
    public const string SectionName = "Telemetry:Metrics";

    /// <summary>The scrape endpoint's path.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// A separate management port for <c>/metrics</c> (and the health checks). When set, <c>/metrics</c>
    /// answers only there, anonymously, and the API is not served on it; when unset, <c>/metrics</c>
    /// is on the API port.
    /// </summary>
    [Range(1, 65535, ErrorMessage = "Telemetry:Metrics:Port must be a TCP port from 1 to 65535.")]
    public int? Port { get; set; }

    /// <summary>The interface the management port listens on (<c>0.0.0.0</c> for every interface).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Telemetry:Metrics:Host must name an interface, such as localhost or 0.0.0.0.")]
    public string Host { get; set; } = "localhost";

    /// <summary>
    /// On the API port, whether <c>/metrics</c> is open to anonymous scrapers; otherwise the API's
    /// authorization policy applies. On the management port it is always anonymous.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>How often the open-ticket counts behind <c>triage.tickets.open</c> are read from the database.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Telemetry:Metrics:OpenTicketsRefreshInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan OpenTicketsRefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}
