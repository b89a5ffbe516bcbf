namespace TicketTriage.Core.Triage;

/// <summary>
/// The triage set-up as an operator writes it (the rules file): declared groups, the default group,
/// ordered routing rules and the priority matrix. Nothing here is trusted until
/// <see cref="TriageEngine.Build"/> has validated it.
/// </summary>
public sealed class TriageDefinition
{
    public IReadOnlyList<string>? Groups { get; init; }

    public string? DefaultGroup { get; init; }

    public IReadOnlyList<RuleDefinition>? Rules { get; init; }

    public IReadOnlyList<MatrixCellDefinition>? PriorityMatrix { get; init; }
}
