using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Triage;

/// <summary>The priority matrix cell that gave the priority.</summary>
public sealed record MatrixCellResponse(int Impact, int Urgency, Priority Priority);
