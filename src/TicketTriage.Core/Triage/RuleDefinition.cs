namespace TicketTriage.Core.Triage;

/// <summary>A routing rule as written in the rules file.</summary>
public sealed class RuleDefinition
{
    public string? Id { get; init; }

    public string? Group { get; init; }

    public IReadOnlyList<string>? Terms { get; init; }
}
