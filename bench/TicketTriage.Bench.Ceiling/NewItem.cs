namespace TicketTriage.Bench.Ceiling;

/// <summary>The body of POST /items: the same fields as a new ticket, so one load script drives both.</summary>
public sealed record NewItem(string Title, string? Description, int Impact, int Urgency, string? Caller);
