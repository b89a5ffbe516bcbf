using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

public sealed class PriorityMatrixTests
{
    [Theory]
    [InlineData(1, 1, Priority.P1)]
    [InlineData(1, 2, Priority.P2)]
    [InlineData(1, 3, Priority.P3)]
    [InlineData(2, 1, Priority.P2)]
    [InlineData(2, 2, Priority.P2)]
    [InlineData(2, 3, Priority.P3)]
    [InlineData(3, 1, Priority.P4)]
    [InlineData(3, 2, Priority.P4)]
    [InlineData(3, 3, Priority.P4)]
    public void Resolve_DefaultMatrix_GivesItilPriority(int impact, int urgency, Priority expected)
    {
        var cell = PriorityMatrix.Default.Resolve(impact, urgency);

        Assert.Equal(new MatrixCell(impact, urgency, expected), cell);
    }

    [Theory]
    [InlineData(1, 1, Priority.P1)]
    [InlineData(1, 2, Priority.P2)]
    [InlineData(1, 3, Priority.P3)]
    [InlineData(2, 1, Priority.P2)]
    [InlineData(2, 2, Priority.P2)]
    [InlineData(2, 3, Priority.P3)]
    [InlineData(3, 1, Priority.P4)]
    [InlineData(3, 2, Priority.P4)]
    [InlineData(3, 3, Priority.P4)]
    public void Resolve_ShippedMatrix_GivesItilPriority(int impact, int urgency, Priority expected)
    {
        var engine = ShippedRules.BuildEngine();

        var cell = engine.Matrix.Resolve(impact, urgency);

        Assert.Equal(new MatrixCell(impact, urgency, expected), cell);
    }

    [Fact]
    public void Default_Cells_CoverEachPairExactlyOnce()
    {
        var pairs = PriorityMatrix.Default.Cells.Select(cell => (cell.Impact, cell.Urgency)).ToList();

        Assert.Equal(9, pairs.Count);
        Assert.Equal(9, pairs.Distinct().Count());
        Assert.All(pairs, pair => Assert.True(Severity.IsValid(pair.Impact) && Severity.IsValid(pair.Urgency)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Resolve_ImpactOutOfRange_ThrowsArgumentOutOfRange(int impact)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => PriorityMatrix.Default.Resolve(impact, 2));

        Assert.Equal("impact", exception.ParamName);
        Assert.Equal(impact, exception.ActualValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Resolve_UrgencyOutOfRange_ThrowsArgumentOutOfRange(int urgency)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => PriorityMatrix.Default.Resolve(2, urgency));

        Assert.Equal("urgency", exception.ParamName);
        Assert.Equal(urgency, exception.ActualValue);
    }

    [Fact]
    public void Create_AllNineCellsInAnyOrder_BuildsMatrixThatResolvesThem()
    {
        // Priority rises with impact here, the reverse of the default, so a matrix that ignored its cells would fail.
        var cells = new List<MatrixCell>();
        for (var impact = 3; impact >= 1; impact--)
        {
            for (var urgency = 3; urgency >= 1; urgency--)
            {
                cells.Add(new MatrixCell(impact, urgency, (Priority)impact));
            }
        }

        var (matrix, errors) = PriorityMatrix.Create(cells);

        Assert.Empty(errors);
        Assert.NotNull(matrix);
        Assert.Equal(Priority.P3, matrix.Resolve(3, 1).Priority);
        Assert.Equal(Priority.P1, matrix.Resolve(1, 3).Priority);
        Assert.Equal(Priority.P2, matrix.Resolve(2, 2).Priority);
    }

    [Fact]
    public void Create_MissingCell_ReportsThatCell()
    {
        var cells = PriorityMatrix.Default.Cells.Where(cell => (cell.Impact, cell.Urgency) != (2, 3));

        var (matrix, errors) = PriorityMatrix.Create(cells);

        Assert.Null(matrix);
        var error = Assert.Single(errors);
        Assert.Contains("impact 2, urgency 3", error, StringComparison.Ordinal);
        Assert.Contains("missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DuplicateCell_ReportsThatCell()
    {
        var cells = PriorityMatrix.Default.Cells.Append(new MatrixCell(3, 1, Priority.P1));

        var (matrix, errors) = PriorityMatrix.Create(cells);

        Assert.Null(matrix);
        var error = Assert.Single(errors);
        Assert.Contains("impact 3, urgency 1", error, StringComparison.Ordinal);
        Assert.Contains("more than once", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(1, 0)]
    [InlineData(-2, 7)]
    public void Create_OutOfRangeCell_ReportsThatCell(int impact, int urgency)
    {
        var cells = PriorityMatrix.Default.Cells.Append(new MatrixCell(impact, urgency, Priority.P1));

        var (matrix, errors) = PriorityMatrix.Create(cells);

        Assert.Null(matrix);
        var error = Assert.Single(errors);
        Assert.Contains($"impact {impact}, urgency {urgency}", error, StringComparison.Ordinal);
        Assert.Contains("out of range", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Create_UndefinedPriority_ReportsThatCell(int priority)
    {
        var cells = PriorityMatrix.Default.Cells.Select(cell => (cell.Impact, cell.Urgency) == (1, 2) ? cell with { Priority = (Priority)priority } : cell);

        var (matrix, errors) = PriorityMatrix.Create(cells);

        Assert.Null(matrix);
        Assert.Contains(errors, error => error.Contains("impact 1, urgency 2", StringComparison.Ordinal) && error.Contains($"priority {priority}", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_NoCells_ReportsEveryCellMissing()
    {
        var (matrix, errors) = PriorityMatrix.Create([]);

        Assert.Null(matrix);
        Assert.Equal(9, errors.Count);
        for (var impact = 1; impact <= 3; impact++)
        {
            for (var urgency = 1; urgency <= 3; urgency++)
            {
                var cell = $"impact {impact}, urgency {urgency} is missing";
                Assert.Contains(errors, error => error.Contains(cell, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Create_SeveralProblems_ReportsEveryOne()
    {
        var cells = PriorityMatrix.Default.Cells
            .Where(cell => (cell.Impact, cell.Urgency) != (1, 1))
            .Append(new MatrixCell(2, 2, Priority.P4))
            .Append(new MatrixCell(0, 3, Priority.P2));

        var (matrix, errors) = PriorityMatrix.Create(cells);

        Assert.Null(matrix);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, error => error.Contains("impact 1, urgency 1 is missing", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("impact 2, urgency 2 is given more than once", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("impact 0, urgency 3 is out of range", StringComparison.Ordinal));
    }
}
