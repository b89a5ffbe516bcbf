namespace TicketTriage.Core.Triage;

/// <summary>Priority from P1 (most urgent) to P4; the numeric order is the urgency order.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
