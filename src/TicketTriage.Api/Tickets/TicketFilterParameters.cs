using Microsoft.AspNetCore.Mvc;

namespace TicketTriage.Api.Tickets;

/// <summary>The ticket filters as they arrive in the query string; each may repeat (values OR, filters AND).</summary>
public sealed class TicketFilterParameters
{
    /// <summary>P1-P4, case-insensitive; repeat or comma-separate for several.</summary>
    [FromQuery(Name = "priority")]
    public string[]? Priority { get; init; }

    /// <summary>Assignment group name, case-insensitive; repeat for several.</summary>
    [FromQuery(Name = "group")]
    public string[]? Group { get; init; }

    /// <summary>New, InProgress, OnHold, Resolved, Closed or Cancelled, case-insensitive; repeat for several.</summary>
    [FromQuery(Name = "status")]
    public string[]? Status { get; init; }

    /// <summary>Assignee, case-insensitive; repeat for several.</summary>
    [FromQuery(Name = "assignee")]
    public string[]? Assignee { get; init; }

    /// <summary>true: only New, InProgress and OnHold tickets; false: only Resolved, Closed and Cancelled.</summary>
    [FromQuery(Name = "open")]
    public string? Open { get; init; }

    /// <summary>Created at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z).</summary>
    [FromQuery(Name = "createdFrom")]
    public string? CreatedFrom { get; init; }

    /// <summary>Created before this instant.</summary>
    [FromQuery(Name = "createdTo")]
    public string? CreatedTo { get; init; }

    /// <summary>Last changed at or after this instant.</summary>
    [FromQuery(Name = "updatedFrom")]
    public string? UpdatedFrom { get; init; }

    /// <summary>Last changed before this instant.</summary>
    [FromQuery(Name = "updatedTo")]
    public string? UpdatedTo { get; init; }

    /// <summary>breached, atRisk or paused, case-insensitive; a ticket matches when either SLA clock is in that state now.</summary>
    [FromQuery(Name = "slaState")]
    public string[]? SlaState { get; init; }

    /// <summary>
    /// Full-text search over the number, title, description, caller, notes and group, ignoring case and accents: words
    /// AND together, "an exact phrase", net* for a prefix, -word to exclude; a ticket number lists that ticket first.
    /// </summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }
}
