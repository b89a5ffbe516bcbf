using TicketTriage.Api.Persistence;
using TicketTriage.Api.Sla;
using TicketTriage.Api.Telemetry;
using TicketTriage.Api.Webhooks;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tickets;

/// <summary>What the ticket write endpoints need, injected as one parameter.</summary>
internal sealed record TicketWriteServices(
    TriageEngine Engine,
    TriageMetrics Metrics,
    TriageDbContext Db,
    WebhookOutbox Outbox,
    SlaEvaluator Sla,
    TimeProvider Time);
