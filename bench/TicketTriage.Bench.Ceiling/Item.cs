namespace TicketTriage.Bench.Ceiling;

/// <summary>A stored item, about the size of a ticket.</summary>
public sealed record Item(long Id, string Group, string Title, string? Description, int Impact, int Urgency, string? Caller, long CreatedAt);
