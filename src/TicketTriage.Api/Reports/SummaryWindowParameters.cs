using Microsoft.AspNetCore.Mvc;

namespace TicketTriage.Api.Reports;

/// <summary>The period the mean times cover: tickets responded to (or resolved) in [from, to).</summary>
public sealed class SummaryWindowParameters
{
    /// <summary>Start of the window, inclusive (ISO-8601); default: the beginning of records.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>End of the window, exclusive (ISO-8601); default: no end.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }
}
