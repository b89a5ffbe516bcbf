using System.Text.Json;
using TicketTriage.Api.Triage;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

/// <summary>Builds history entries whose details are JSON in the API's own shapes.</summary>
internal static class TicketHistory
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>The created entry: the ticket exactly as it was opened, with the whole triage explanation.</summary>
    public static TicketEvent Created(Ticket ticket, string actor) =>
        TicketEvent.Created(ticket, actor, JsonSerializer.Serialize(new TicketSnapshot(ticket), Json));

    public static JsonElement? Details(TicketEvent entry) =>
        entry.Type == TicketEventType.Created && entry.Details is not null
            ? JsonDocument.Parse(entry.Details).RootElement.Clone()
            : null;

    /// <summary>The fields a ticket starts with; string enums so that history reads like the API.</summary>
    private sealed record TicketSnapshot(
        string Title,
        string? Description,
        int Impact,
        int Urgency,
        string Priority,
        string AssignmentGroup,
        string Status,
        string? Caller,
        TriageSnapshot Triage)
    {
        public TicketSnapshot(Ticket ticket)
            : this(
                ticket.Title,
                ticket.Description,
                ticket.Impact,
                ticket.Urgency,
                ticket.Priority.ToString(),
                ticket.AssignmentGroup,
                ticket.Status.ToString(),
                ticket.Caller,
                new TriageSnapshot(TriageResponse.From(ticket.RecordedTriage)))
        {
        }
    }

    private sealed record TriageSnapshot(string? RuleId, IReadOnlyList<string> MatchedTerms, bool Fallback, string Explanation)
    {
        public TriageSnapshot(TriageResponse triage)
            : this(triage.Routing.RuleId, triage.Routing.MatchedTerms, triage.Routing.Fallback, triage.Explanation)
        {
        }
    }
}
