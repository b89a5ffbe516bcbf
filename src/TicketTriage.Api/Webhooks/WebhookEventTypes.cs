namespace TicketTriage.Api.Webhooks;

/// <summary>The events the service sends.</summary>
internal static class WebhookEventTypes
{
    public const string P1Created = "ticket.p1_created";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";
}
