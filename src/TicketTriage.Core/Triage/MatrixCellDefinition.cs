namespace TicketTriage.Core.Triage;

/// <summary>A priority matrix cell as written in the rules file.</summary>
public sealed class MatrixCellDefinition
{
    public int Impact { get; init; }

    public int Urgency { get; init; }

    public string? Priority { get; init; }
}
