using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>Small, valid triage definitions that a test changes in one place to break them.</summary>
internal static class Definitions
{
    public const string DefaultGroup = "General Support";

    public static IReadOnlyList<string> Groups() => ["Service Desk", "Network", DefaultGroup];

    public static IReadOnlyList<RuleDefinition> Rules() =>
    [
        new RuleDefinition { Id = "sign-in", Group = "Service Desk", Terms = ["password", "login"] },
        new RuleDefinition { Id = "network", Group = "Network", Terms = ["vpn", "network"] },
    ];

    /// <summary>All nine cells with the default priorities, written as the rules file writes them.</summary>
    public static List<MatrixCellDefinition> Matrix()
    {
        var cells = new List<MatrixCellDefinition>();
        foreach (var cell in PriorityMatrix.Default.Cells)
        {
            cells.Add(Cell(cell.Impact, cell.Urgency, cell.Priority.ToString()));
        }

        return cells;
    }

    public static MatrixCellDefinition Cell(int impact, int urgency, string? priority) =>
        new() { Impact = impact, Urgency = urgency, Priority = priority };

    public static TriageDefinition Valid() => Create(Groups(), DefaultGroup, Rules(), Matrix());

    public static TriageDefinition WithGroups(IReadOnlyList<string>? groups) => Create(groups, DefaultGroup, Rules(), Matrix());

    public static TriageDefinition WithDefaultGroup(string? defaultGroup) => Create(Groups(), defaultGroup, Rules(), Matrix());

    public static TriageDefinition WithRules(IReadOnlyList<RuleDefinition>? rules) => Create(Groups(), DefaultGroup, rules, Matrix());

    public static TriageDefinition WithMatrix(IReadOnlyList<MatrixCellDefinition>? matrix) => Create(Groups(), DefaultGroup, Rules(), matrix);

    public static TriageDefinition Create(
        IReadOnlyList<string>? groups,
        string? defaultGroup,
        IReadOnlyList<RuleDefinition>? rules,
        IReadOnlyList<MatrixCellDefinition>? matrix) =>
        new() { Groups = groups, DefaultGroup = defaultGroup, Rules = rules, PriorityMatrix = matrix };
}
