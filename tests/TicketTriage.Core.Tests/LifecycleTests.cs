using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>The status moves a ticket may make, over every pair of statuses.</summary>
public sealed class LifecycleTests
{
    private static readonly DateTimeOffset MovedAt = TicketSteps.OpenedAt.AddHours(2);

    /// <summary>Every from/to pair and whether the lifecycle allows that move; staying put is not a move.</summary>
    public static TheoryData<TicketStatus, TicketStatus, bool> Moves => new()
    {
        { TicketStatus.New, TicketStatus.New, false },
        { TicketStatus.New, TicketStatus.InProgress, true },
        { TicketStatus.New, TicketStatus.OnHold, true },
        { TicketStatus.New, TicketStatus.Resolved, true },
        { TicketStatus.New, TicketStatus.Closed, false },
        { TicketStatus.New, TicketStatus.Cancelled, true },
        { TicketStatus.InProgress, TicketStatus.New, false },
        { TicketStatus.InProgress, TicketStatus.InProgress, false },
        { TicketStatus.InProgress, TicketStatus.OnHold, true },
        { TicketStatus.InProgress, TicketStatus.Resolved, true },
        { TicketStatus.InProgress, TicketStatus.Closed, false },
        { TicketStatus.InProgress, TicketStatus.Cancelled, true },
        { TicketStatus.OnHold, TicketStatus.New, false },
        { TicketStatus.OnHold, TicketStatus.InProgress, true },
        { TicketStatus.OnHold, TicketStatus.OnHold, false },
        { TicketStatus.OnHold, TicketStatus.Resolved, true },
        { TicketStatus.OnHold, TicketStatus.Closed, false },
        { TicketStatus.OnHold, TicketStatus.Cancelled, true },
        { TicketStatus.Resolved, TicketStatus.New, false },
        { TicketStatus.Resolved, TicketStatus.InProgress, true },
        { TicketStatus.Resolved, TicketStatus.OnHold, false },
        { TicketStatus.Resolved, TicketStatus.Resolved, false },
        { TicketStatus.Resolved, TicketStatus.Closed, true },
        { TicketStatus.Resolved, TicketStatus.Cancelled, false },
        { TicketStatus.Closed, TicketStatus.New, false },
        { TicketStatus.Closed, TicketStatus.InProgress, false },
        { TicketStatus.Closed, TicketStatus.OnHold, false },
        { TicketStatus.Closed, TicketStatus.Resolved, false },
        { TicketStatus.Closed, TicketStatus.Closed, false },
        { TicketStatus.Closed, TicketStatus.Cancelled, false },
        { TicketStatus.Cancelled, TicketStatus.New, false },
        { TicketStatus.Cancelled, TicketStatus.InProgress, false },
        { TicketStatus.Cancelled, TicketStatus.OnHold, false },
        { TicketStatus.Cancelled, TicketStatus.Resolved, false },
        { TicketStatus.Cancelled, TicketStatus.Closed, false },
        { TicketStatus.Cancelled, TicketStatus.Cancelled, false },
    };

    [Fact]
    public void MovesTable_AllStatuses_CoversEveryPair()
    {
        var pairs = Moves.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();

        Assert.Equal(Enum.GetValues<TicketStatus>().Length * Enum.GetValues<TicketStatus>().Length, pairs.Count);
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void CanMove_EveryPair_MatchesTheLifecycle(TicketStatus from, TicketStatus to, bool allowed)
    {
        Assert.Equal(allowed, Lifecycle.CanMove(from, to));
        Assert.Equal(allowed, Lifecycle.AllowedMoves(from).Contains(to));
    }

    [Theory]
    [InlineData(TicketStatus.New, false)]
    [InlineData(TicketStatus.InProgress, false)]
    [InlineData(TicketStatus.OnHold, false)]
    [InlineData(TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Closed, true)]
    [InlineData(TicketStatus.Cancelled, true)]
    public void IsFinal_EachStatus_OnlyClosedAndCancelled(TicketStatus status, bool final)
    {
        Assert.Equal(final, Lifecycle.IsFinal(status));
        Assert.Equal(final, Lifecycle.AllowedMoves(status).Count == 0);
    }

    [Fact]
    public void OpenStatuses_Listed_AreNewInProgressAndOnHold()
    {
        Assert.Equal([TicketStatus.New, TicketStatus.InProgress, TicketStatus.OnHold], Lifecycle.OpenStatuses);
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Update_EveryPair_MovesOnlyWhereTheLifecycleAllows(TicketStatus from, TicketStatus to, bool allowed)
    {
        var ticket = TicketSteps.OpenIn(from);
        var version = ticket.Version;
        var updatedAt = ticket.UpdatedAt;

        var (changes, error) = ticket.Update(new TicketUpdate { Status = TicketSteps.MoveTo(to) }, PriorityMatrix.Default, MovedAt);

        if (allowed)
        {
            Assert.Null(error);
            Assert.Equal(to, ticket.Status);
            var status = Assert.Single(changes, change => change.Field == TicketField.Status);
            Assert.Equal(from.ToString(), status.OldValue);
            Assert.Equal(to.ToString(), status.NewValue);
            Assert.Equal(version + 1, ticket.Version);
            Assert.Equal(MovedAt, ticket.UpdatedAt);
            return;
        }

        if (Lifecycle.IsFinal(from))
        {
            Assert.Equal(new UpdateError.TicketIsFinal(from), error);
        }
        else if (from == to)
        {
            Assert.Null(error);
        }
        else
        {
            var refused = Assert.IsType<UpdateError.MoveNotAllowed>(error);
            Assert.Equal(from, refused.From);
            Assert.Equal(to, refused.To);
            Assert.Equal(Moves.Where(row => row.Data.Item1 == from && row.Data.Item3).Select(row => row.Data.Item2), refused.Allowed);
        }

        Assert.Empty(changes);
        Assert.Equal(from, ticket.Status);
        Assert.Equal(version, ticket.Version);
        Assert.Equal(updatedAt, ticket.UpdatedAt);
    }
}
