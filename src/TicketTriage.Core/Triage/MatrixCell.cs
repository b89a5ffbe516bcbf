namespace TicketTriage.Core.Triage;

/// <summary>One cell of the priority matrix: the priority given to an impact and urgency pair.</summary>
public sealed record MatrixCell(int Impact, int Urgency, Priority Priority);
