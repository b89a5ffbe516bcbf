namespace TicketTriage.Api.Reports;

/// <summary>
/// Ticket counts in total and by priority, assignment group and status (zeros included), the open
/// tickets by status and group, the mean times to respond and to resolve by priority over a window, and the SLA
/// compliance over the same window.
/// </summary>
public sealed record TicketSummary(
    int Total,
    IReadOnlyList<SummaryCount> ByPriority,
    IReadOnlyList<SummaryCount> ByGroup,
    IReadOnlyList<SummaryCount> ByStatus,
    OpenTickets Open,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<MeanTime> MeanTimeToRespond,
    IReadOnlyList<MeanTime> MeanTimeToResolve,
    SlaCompliance SlaCompliance);
