namespace TicketTriage.Api.Reports;

/// <summary>How many tickets have one value of a dimension.</summary>
public sealed record SummaryCount(string Key, int Count);
