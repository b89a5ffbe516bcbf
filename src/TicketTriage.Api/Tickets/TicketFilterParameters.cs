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

    /// <summary>A keyword found in the title, description or group, case-insensitive; or a ticket number.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }
}
