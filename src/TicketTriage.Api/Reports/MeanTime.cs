namespace TicketTriage.Api.Reports;

/// <summary>The mean time, in whole seconds, over the tickets of one priority in the window; null when there were none.</summary>
public sealed record MeanTime(string Priority, int Tickets, long? MeanSeconds);
