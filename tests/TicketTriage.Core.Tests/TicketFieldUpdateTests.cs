using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>Changing a ticket's fields: trimming, clearing, priority from the matrix, reassignment, versions.</summary>
public sealed class TicketFieldUpdateTests
{
    private static readonly DateTimeOffset Later = TicketSteps.OpenedAt.AddMinutes(5);

    [Theory]
    [InlineData(1, 1, Priority.P1)]
    [InlineData(1, 3, Priority.P3)]
    [InlineData(2, 1, Priority.P2)]
    [InlineData(3, 1, Priority.P4)]
    [InlineData(3, 3, Priority.P4)]
    public void Update_ImpactAndUrgency_RecomputesPriorityFromMatrix(int impact, int urgency, Priority priority)
    {
        var ticket = TicketSteps.Open();

        TicketSteps.Apply(ticket, new TicketUpdate { Impact = impact, Urgency = urgency }, Later);

        Assert.Equal((impact, urgency, priority), (ticket.Impact, ticket.Urgency, ticket.Priority));
    }

    [Fact]
    public void Update_ImpactOnly_KeepsUrgencyAndRecordsPriorityChange()
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { Impact = 3 }, Later);

        Assert.Equal(2, ticket.Urgency);
        Assert.Equal(Priority.P4, ticket.Priority);
        Assert.Equal(
            [new FieldChange(TicketField.Impact, "2", "3"), new FieldChange(TicketField.Priority, "P2", "P4")],
            changes);
    }

    [Fact]
    public void Update_UrgencyWithinSamePriority_RecordsNoPriorityChange()
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { Urgency = 1 }, Later);

        Assert.Equal([new FieldChange(TicketField.Urgency, "2", "1")], changes);
        Assert.Equal(Priority.P2, ticket.Priority);
    }

    [Fact]
    public void Update_TitleAndAssignee_AreTrimmedAndRecorded()
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { Title = "  Reset link expired ", Assignee = " bob " }, Later);

        Assert.Equal("Reset link expired", ticket.Title);
        Assert.Equal("bob", ticket.Assignee);
        Assert.Equal(
            [new FieldChange(TicketField.Title, "Password reset fails", "Reset link expired"), new FieldChange(TicketField.Assignee, null, "bob")],
            changes);
        Assert.Equal(2, ticket.Version);
        Assert.Equal(Later, ticket.UpdatedAt);
    }

    [Fact]
    public void Update_ClearDescriptionAndAssignee_SetsThemToNull()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Apply(ticket, new TicketUpdate { Assignee = "bob" }, Later);

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { ClearDescription = true, ClearAssignee = true }, Later.AddMinutes(1));

        Assert.Null(ticket.Description);
        Assert.Null(ticket.Assignee);
        Assert.Equal(
            [new FieldChange(TicketField.Description, "The reset link never arrives", null), new FieldChange(TicketField.Assignee, "bob", null)],
            changes);
    }

    [Fact]
    public void Update_GroupWithReason_ReassignsAndKeepsRoutedGroup()
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { AssignmentGroup = "Network", GroupReason = " VPN token, not a password " }, Later);

        Assert.Equal("Network", ticket.AssignmentGroup);
        Assert.Equal("Service Desk", ticket.RoutedGroup);
        Assert.Equal("Service Desk", ticket.RecordedTriage.AssignmentGroup);
        Assert.Equal([new FieldChange(TicketField.AssignmentGroup, "Service Desk", "Network", "VPN token, not a password")], changes);
    }

    [Fact]
    public void Update_GroupOfAnAssignedTicket_LetsTheAssigneeGo()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Apply(ticket, new TicketUpdate { Assignee = "dana" }, Later);

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { AssignmentGroup = "Network", GroupReason = "VPN token" }, Later);

        Assert.Null(ticket.Assignee);
        Assert.Equal(
            [new FieldChange(TicketField.AssignmentGroup, "Service Desk", "Network", "VPN token"), new FieldChange(TicketField.Assignee, "dana", null)],
            changes);
    }

    [Fact]
    public void Update_GroupAndAssigneeTogether_AssignsWithinTheNewGroup()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Apply(ticket, new TicketUpdate { Assignee = "dana" }, Later);

        TicketSteps.Apply(ticket, new TicketUpdate { AssignmentGroup = "Network", GroupReason = "VPN token", Assignee = "omar" }, Later);

        Assert.Equal(("Network", "omar"), (ticket.AssignmentGroup, ticket.Assignee));
    }

    [Fact]
    public void Update_GroupItAlreadyHas_KeepsTheAssignee()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Apply(ticket, new TicketUpdate { Assignee = "dana" }, Later);

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { AssignmentGroup = "Service Desk", GroupReason = "Stays with us" }, Later);

        Assert.Equal("dana", ticket.Assignee);
        Assert.Empty(changes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Update_GroupWithoutReason_ReturnsReasonErrorAndChangesNothing(string? reason)
    {
        var ticket = TicketSteps.Open();

        var (changes, error) = ticket.Update(new TicketUpdate { Title = "Other", AssignmentGroup = "Network", GroupReason = reason }, PriorityMatrix.Default, Later);

        var missing = Assert.IsType<UpdateError.MissingOrUnexpectedField>(error);
        Assert.Equal("reason", missing.Field);
        Assert.Empty(changes);
        Assert.Equal("Service Desk", ticket.AssignmentGroup);
        Assert.Equal("Password reset fails", ticket.Title);
        Assert.Equal(1, ticket.Version);
    }

    [Fact]
    public void Update_SameValues_ChangesNoVersion()
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { Title = " Password reset fails ", Impact = 2, Urgency = 2 }, Later);

        Assert.Empty(changes);
        Assert.Equal(1, ticket.Version);
        Assert.Equal(TicketSteps.OpenedAt, ticket.UpdatedAt);
    }

    [Fact]
    public void Update_Empty_ChangesNothing()
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Apply(ticket, new TicketUpdate(), Later);

        Assert.Empty(changes);
        Assert.Equal(1, ticket.Version);
    }

    [Fact]
    public void Update_FieldsAndMoveTogether_AppliesBoth()
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { Assignee = "bob", Status = new StatusMove(TicketStatus.InProgress) }, Later);

        Assert.Equal(("bob", TicketStatus.InProgress), (ticket.Assignee, ticket.Status));
        Assert.Equal([TicketField.Assignee, TicketField.Status, TicketField.RespondedAt], changes.Select(change => change.Field));
        Assert.Equal(2, ticket.Version);
    }

    [Fact]
    public void Update_NotAllowedMoveWithFieldChanges_AppliesNone()
    {
        var ticket = TicketSteps.Open();

        var (changes, error) = ticket.Update(new TicketUpdate { Assignee = "bob", Status = new StatusMove(TicketStatus.Closed) }, PriorityMatrix.Default, Later);

        Assert.IsType<UpdateError.MoveNotAllowed>(error);
        Assert.Empty(changes);
        Assert.Null(ticket.Assignee);
        Assert.Equal(1, ticket.Version);
    }
}
