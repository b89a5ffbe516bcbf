namespace TicketTriage.Api.Reports;

/// <summary>The tickets still being worked (New, InProgress, OnHold), by status and by group.</summary>
public sealed record OpenTickets(int Total, IReadOnlyList<SummaryCount> ByStatus, IReadOnlyList<SummaryCount> ByGroup);
