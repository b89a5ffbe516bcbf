using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.Webhooks;

/// <summary>Where events go (<c>Webhooks:Endpoints:0:Url</c> and <c>:Secret</c>, more by index) and how delivery retries.</summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    public List<WebhookEndpoint> Endpoints { get; set; } = [];

    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry; each later retry waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before an event is given up for that endpoint (about a day with the defaults).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>How often the outbox is looked at for events to send.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool MonitorEnabled { get; set; } = true;
}
