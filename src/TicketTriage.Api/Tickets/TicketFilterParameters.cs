using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace TicketTriage.Api.Tickets;

/// <summary>The ticket filters as they arrive in the query string; each may repeat (values OR, filters AND).</summary>
public sealed class TicketFilterParameters
{
    [Description("P1-P4, case-insensitive; repeat or comma-separate for several.")]
    [FromQuery(Name = "priority")]
    public string[]? Priority { get; init; }

    [Description("Assignment group name, case-insensitive; repeat for several.")]
    [FromQuery(Name = "group")]
    public string[]? Group { get; init; }

    [Description("New, InProgress, OnHold, Resolved, Closed or Cancelled, case-insensitive; repeat for several.")]
    [FromQuery(Name = "status")]
    public string[]? Status { get; init; }

    [Description("Assignee, case-insensitive; repeat for several.")]
    [FromQuery(Name = "assignee")]
    public string[]? Assignee { get; init; }

    [Description("true: only New, InProgress and OnHold tickets; false: only Resolved, Closed and Cancelled.")]
    [FromQuery(Name = "open")]
    public string? Open { get; init; }

    [Description("Created at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z).")]
    [FromQuery(Name = "createdFrom")]
    public string? CreatedFrom { get; init; }

    [Description("Created before this instant.")]
    [FromQuery(Name = "createdTo")]
    public string? CreatedTo { get; init; }

    [Description("Last changed at or after this instant.")]
    [FromQuery(Name = "updatedFrom")]
    public string? UpdatedFrom { get; init; }

    [Description("Last changed before this instant.")]
    [FromQuery(Name = "updatedTo")]
    public string? UpdatedTo { get; init; }

    [Description("breached, atRisk or paused, case-insensitive; a ticket matches when either SLA clock is in that state now.")]
    [FromQuery(Name = "slaState")]
    public string[]? SlaState { get; init; }

    [Description("Full-text search over the number, title, description, caller, notes and group, ignoring case and accents: words AND together, \"an exact phrase\", net* for a prefix, -word or NOT word to exclude, OR (in capitals) between groups of words; a ticket number lists that ticket first. One q per request.")]
    [FromQuery(Name = "q")]
    public string[]? Q { get; init; }
}
