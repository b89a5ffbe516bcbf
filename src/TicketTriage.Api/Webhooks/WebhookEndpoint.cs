namespace TicketTriage.Api.Webhooks;

/// <summary>A receiver of events and the secret that signs what it receives.</summary>
internal sealed class WebhookEndpoint
{
    public Uri? Url { get; set; }

    /// <summary>The HMAC-SHA256 key; give it through the environment, it is never logged or stored.</summary>
    public string? Secret { get; set; }
}
