namespace TicketTriage.Api.Webhooks;

/// <summary>
/// One event for one endpoint, written in the same transaction as the change that caused it, so an
/// acknowledged change never loses its event and a rolled-back one never sends one.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The receiver's idempotency key (X-Event-Id): the same for every endpoint and every retry.</summary>
    public Guid EventId { get; set; }

    public string EventType { get; set; } = string.Empty;

    public string EndpointUrl { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Set when every attempt failed; such a message is kept for inspection and not sent again.</summary>
    public DateTimeOffset? AbandonedAt { get; set; }

    /// <summary>What went wrong last, without bodies or secrets: a status code or an error kind.</summary>
    public string? LastError { get; set; }
}
