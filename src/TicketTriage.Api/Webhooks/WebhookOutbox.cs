using System.Text.Json;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Persistence;

namespace TicketTriage.Api.Webhooks;

/// <summary>Queues an event for every configured endpoint on the caller's unit of work (no save here).</summary>
internal sealed class WebhookOutbox(IOptions<WebhookOptions> options)
{
    public void Enqueue(TriageDbContext db, string eventType, object data, DateTimeOffset now)
    {
        var endpoints = options.Value.Endpoints.Where(endpoint => endpoint.Url is not null).ToList();
        if (endpoints.Count == 0)
        {
            return;
        }

        var eventId = Guid.CreateVersion7(now);
        var payload = JsonSerializer.Serialize(new WebhookEvent(eventId, eventType, now, data), WebhookJson.Options);
        foreach (var endpoint in endpoints)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                EventId = eventId,
                EventType = eventType,
                EndpointUrl = endpoint.Url!.ToString(),
                Payload = payload,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    private sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset OccurredAt, object Data);
}
