namespace TicketTriage.Api.Reports;

/// <summary>Ticket counts in total and by priority, assignment group and status; zeros included.</summary>
public sealed record TicketSummary(
    int Total,
    IReadOnlyList<SummaryCount> ByPriority,
    IReadOnlyList<SummaryCount> ByGroup,
    IReadOnlyList<SummaryCount> ByStatus);
