using System.Diagnostics;
using System.Diagnostics.Metrics;
using TicketTriage.Core.Sla;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Telemetry;

/// <summary>
/// The service's own instruments on the <c>TicketTriage</c> meter. Tags are low-cardinality only:
/// priorities, configured groups and rule ids, statuses, SLA clocks, webhook event types and
/// outcomes, rejection reasons — never ticket ids, event ids, texts, people or webhook addresses.
/// </summary>
internal sealed class TriageMetrics
{
    public const string MeterName = "TicketTriage";

    public const string TicketsCreated = "triage.tickets.created";
    public const string Decisions = "triage.decisions";
    public const string DecisionDuration = "triage.decision.duration";
    public const string OpenTickets = "triage.tickets.open";
    public const string StatusMoves = "triage.tickets.status_moves";
    public const string RejectedRequests = "triage.requests.rejected";
    public const string SlaWarnings = "triage.sla.warnings";
    public const string SlaBreaches = "triage.sla.breaches";
    public const string WebhookDeliveries = "triage.webhooks.deliveries";
    public const string WebhookDeliveryDuration = "triage.webhooks.delivery.duration";

    /// <summary>Webhook attempt outcomes: answered 2xx; failed and to be retried; failed for the last time.</summary>
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Abandoned = "abandoned";

    /// <summary>The rule tag of a triage that no rule matched, so the default group took it.</summary>
    public const string FallbackRule = "fallback";

    // Triage is term matching in memory: microseconds for a short ticket, about a millisecond for a
    // 10,000-character description. The SDK's default buckets (0-10,000) suit milliseconds, not seconds.
    private static readonly double[] DecisionBuckets =
        [0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1];

    // A webhook attempt is an HTTP call to another service: OpenTelemetry's HTTP client buckets (5 ms
    // to 10 s, the default timeout), then 30 s and 60 s for longer configured timeouts.
    private static readonly double[] DeliveryBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    private readonly Counter<long> _ticketsCreated;
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _decisionDuration;
    private readonly Counter<long> _statusMoves;
    private readonly Counter<long> _rejectedRequests;
    private readonly Counter<long> _slaWarnings;
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _webhookDeliveries;
    private readonly Histogram<double> _webhookDeliveryDuration;

    public TriageMetrics(IMeterFactory meterFactory, OpenTicketCounts openTickets)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(openTickets);
        var meter = meterFactory.Create(MeterName);

        _ticketsCreated = meter.CreateCounter<long>(
            TicketsCreated, "{ticket}", "Tickets created, by priority and assignment group.");
        _decisions = meter.CreateCounter<long>(
            Decisions, "{decision}", "Triage decisions (ticket creation and the triage preview), by the routing rule that fired; 'fallback' when none matched.");
        _decisionDuration = meter.CreateHistogram(
            DecisionDuration,
            "s",
            "Time the triage engine took to prioritise and route one incident.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DecisionBuckets });
        meter.CreateObservableGauge(
            OpenTickets, openTickets.Observe, "{ticket}", "Tickets still being worked (New, InProgress, OnHold), by priority and status; refreshed periodically, not per scrape.");
        _statusMoves = meter.CreateCounter<long>(
            StatusMoves, "{move}", "Ticket status moves, by the status left and the status entered; automatic closes included.");
        _rejectedRequests = meter.CreateCounter<long>(
            RejectedRequests, "{request}", "Requests refused before any work was done, by reason (validation, auth, rate_limit) and status code.");
        _slaWarnings = meter.CreateCounter<long>(
            SlaWarnings, "{warning}", "SLA warnings recorded (a clock passed the warning share of its target), by priority and clock (response, resolution).");
        _slaBreaches = meter.CreateCounter<long>(
            SlaBreaches, "{breach}", "SLA breaches recorded (a clock passed its target), by priority and clock (response, resolution).");
        _webhookDeliveries = meter.CreateCounter<long>(
            WebhookDeliveries, "{attempt}", "Webhook delivery attempts, by event type and outcome (delivered; failed, to be retried; abandoned, the last attempt failed).");
        _webhookDeliveryDuration = meter.CreateHistogram(
            WebhookDeliveryDuration,
            "s",
            "Time one webhook HTTP attempt took until the receiver answered, failed or timed out, by event type and outcome.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DeliveryBuckets });
    }

    /// <summary>Counts an SLA warning or breach once, when it is recorded.</summary>
    public void SlaCrossed(Priority priority, SlaCrossing crossing)
    {
        ArgumentNullException.ThrowIfNull(crossing);
        (crossing.Breach ? _slaBreaches : _slaWarnings).Add(
            1,
            new KeyValuePair<string, object?>("priority", priority.ToString()),
            new KeyValuePair<string, object?>("clock", crossing.Clock == SlaClockKind.Response ? "response" : "resolution"));
    }

    /// <summary>
    /// Counts one webhook delivery attempt and, when an HTTP request was sent, records how long it took.
    /// The event type is one of the service's own few event names; the endpoint is never a tag.
    /// </summary>
    public void WebhookAttempted(string eventType, string outcome, TimeSpan? duration)
    {
        var tags = new TagList
        {
            { "event_type", eventType },
            { "outcome", outcome },
        };
        _webhookDeliveries.Add(1, tags);
        if (duration is { } elapsed)
        {
            _webhookDeliveryDuration.Record(elapsed.TotalSeconds, tags);
        }
    }

    /// <summary>Triages an incident through the engine and records the decision and how long it took.</summary>
    public TriageResult Triage(TriageEngine engine, string? title, string? description, int impact, int urgency)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var started = Stopwatch.GetTimestamp();
        var result = engine.Triage(title, description, impact, urgency);
        _decisionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        _decisions.Add(1, new KeyValuePair<string, object?>("rule", result.Routing.RuleId ?? FallbackRule));
        return result;
    }

    /// <summary>Counts a ticket that is stored.</summary>
    public void TicketCreated(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        _ticketsCreated.Add(
            1,
            new KeyValuePair<string, object?>("priority", ticket.Priority.ToString()),
            new KeyValuePair<string, object?>("assignment_group", ticket.AssignmentGroup));
    }

    /// <summary>Counts the status move among saved changes, if there is one.</summary>
    public void StatusMoved(IEnumerable<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (change.Field == TicketField.Status)
            {
                _statusMoves.Add(
                    1,
                    new KeyValuePair<string, object?>("from", change.OldValue),
                    new KeyValuePair<string, object?>("to", change.NewValue));
            }
        }
    }

    /// <summary>Counts a refused request.</summary>
    public void RequestRejected(string reason, int statusCode) =>
        _rejectedRequests.Add(
            1,
            new KeyValuePair<string, object?>("reason", reason),
            new KeyValuePair<string, object?>("http.response.status_code", statusCode));
}
