namespace TicketTriage.Core.Triage;

/// <summary>Maps every impact and urgency pair (1-3 each) to a priority.</summary>
public sealed class PriorityMatrix
{
    private const int Size = Severity.Low - Severity.High + 1;

    private readonly MatrixCell[] _cells;

    private PriorityMatrix(MatrixCell[] cells) => _cells = cells;

    /// <summary>The ITIL-style default: 1/1 is P1, both at most 2 is P2, impact at most 2 is P3, the rest P4.</summary>
    public static PriorityMatrix Default { get; } = Create(DefaultCells()).Matrix!;

    public IReadOnlyList<MatrixCell> Cells => _cells;

    public MatrixCell Resolve(int impact, int urgency)
    {
        if (!Severity.IsValid(impact))
        {
            throw new ArgumentOutOfRangeException(nameof(impact), impact, "Impact must be 1, 2 or 3.");
        }

        if (!Severity.IsValid(urgency))
        {
            throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Urgency must be 1, 2 or 3.");
        }

        return _cells[IndexOf(impact, urgency)];
    }

    /// <summary>Builds a matrix, or says every cell that is missing, repeated or out of range.</summary>
    public static (PriorityMatrix? Matrix, IReadOnlyList<string> Errors) Create(IEnumerable<MatrixCell> cells)
    {
        var errors = new List<string>();
        var grid = new MatrixCell?[Size * Size];
        foreach (var cell in cells)
        {
            if (!Severity.IsValid(cell.Impact) || !Severity.IsValid(cell.Urgency))
            {
                errors.Add($"Matrix cell impact {cell.Impact}, urgency {cell.Urgency} is out of range: impact and urgency must be 1, 2 or 3.");
                continue;
            }

            if (!Enum.IsDefined(cell.Priority))
            {
                errors.Add($"Matrix cell impact {cell.Impact}, urgency {cell.Urgency} has priority {(int)cell.Priority}, which is not one of P1-P4.");
                continue;
            }

            ref var slot = ref grid[IndexOf(cell.Impact, cell.Urgency)];
            if (slot is not null)
            {
                errors.Add($"Matrix cell impact {cell.Impact}, urgency {cell.Urgency} is given more than once.");
                continue;
            }

            slot = cell;
        }

        for (var impact = Severity.High; impact <= Severity.Low; impact++)
        {
            for (var urgency = Severity.High; urgency <= Severity.Low; urgency++)
            {
                if (grid[IndexOf(impact, urgency)] is null)
                {
                    errors.Add($"Matrix cell impact {impact}, urgency {urgency} is missing.");
                }
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new PriorityMatrix(grid.Select(cell => cell!).ToArray()), errors);
    }

    private static int IndexOf(int impact, int urgency) => ((impact - Severity.High) * Size) + (urgency - Severity.High);

    private static IEnumerable<MatrixCell> DefaultCells()
    {
        for (var impact = Severity.High; impact <= Severity.Low; impact++)
        {
            for (var urgency = Severity.High; urgency <= Severity.Low; urgency++)
            {
                var priority = (impact, urgency) switch
                {
                    (1, 1) => Priority.P1,
                    ( <= 2, <= 2) => Priority.P2,
                    ( <= 2, _) => Priority.P3,
                    _ => Priority.P4,
                };
                yield return new MatrixCell(impact, urgency, priority);
            }
        }
    }
}
