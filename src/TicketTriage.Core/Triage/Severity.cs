namespace TicketTriage.Core.Triage;

/// <summary>Bounds shared by impact and urgency: 1 is high, 3 is low.</summary>
public static class Severity
{
    public const int High = 1;
    public const int Low = 3;

    public static bool IsValid(int value) => value is >= High and <= Low;
}
