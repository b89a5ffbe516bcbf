using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace TicketTriage.Api.Reports;

/// <summary>The period the mean times cover: tickets responded to (or resolved) in [from, to).</summary>
public sealed class SummaryWindowParameters
{
    [Description("Start of the window, inclusive (ISO-8601); default: the beginning of records.")]
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [Description("End of the window, exclusive (ISO-8601); default: no end.")]
    [FromQuery(Name = "to")]
    public string? To { get; init; }
}
