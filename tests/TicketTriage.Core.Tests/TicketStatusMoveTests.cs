using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>What a status move needs and what it records: reasons, response and resolution times, reopens, auto-close.</summary>
public sealed class TicketStatusMoveTests
{
    private static readonly DateTimeOffset T1 = TicketSteps.OpenedAt.AddMinutes(10);
    private static readonly DateTimeOffset T2 = TicketSteps.OpenedAt.AddHours(1);
    private static readonly DateTimeOffset T3 = TicketSteps.OpenedAt.AddDays(1);

    public static TheoryData<string, StatusMove, string> MovesMissingAReason => new()
    {
        { "hold without reason", new StatusMove(TicketStatus.OnHold), "holdReason" },
        { "resolve without code", new StatusMove(TicketStatus.Resolved, ResolutionNotes: "Rebooted"), "resolutionCode" },
        { "resolve without notes", new StatusMove(TicketStatus.Resolved, ResolutionCode: ResolutionCode.Fixed), "resolutionNotes" },
        { "resolve with blank notes", new StatusMove(TicketStatus.Resolved, ResolutionCode: ResolutionCode.Fixed, ResolutionNotes: "  "), "resolutionNotes" },
        { "cancel without reason", new StatusMove(TicketStatus.Cancelled), "reason" },
        { "cancel with blank reason", new StatusMove(TicketStatus.Cancelled, Reason: " \t "), "reason" },
        { "hold reason on a resolve", new StatusMove(TicketStatus.Resolved, HoldReason.AwaitingCaller, ResolutionCode.Fixed, "Rebooted"), "holdReason" },
        { "resolution code on a hold", new StatusMove(TicketStatus.OnHold, HoldReason.AwaitingCaller, ResolutionCode.Fixed), "resolutionCode" },
        { "resolution notes on a start", new StatusMove(TicketStatus.InProgress, ResolutionNotes: "Rebooted"), "resolutionNotes" },
    };

    [Theory]
    [MemberData(nameof(MovesMissingAReason))]
    public void Update_MoveWithMissingOrMisplacedReason_ReturnsFieldErrorAndChangesNothing(string scenario, StatusMove move, string field)
    {
        var ticket = TicketSteps.Open();

        var (changes, error) = ticket.Update(new TicketUpdate { Title = "Changed", Status = move }, PriorityMatrix.Default, T1);

        var missing = Assert.IsType<UpdateError.MissingOrUnexpectedField>(error);
        Assert.Equal(field, missing.Field);
        Assert.Contains(field, missing.Message, StringComparison.Ordinal);
        Assert.Empty(changes);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal("Password reset fails", ticket.Title);
        Assert.Equal(1, ticket.Version);
        Assert.NotEmpty(scenario);
    }

    [Theory]
    [InlineData(HoldReason.AwaitingCaller)]
    [InlineData(HoldReason.AwaitingVendor)]
    [InlineData(HoldReason.AwaitingChange)]
    public void Update_HoldWithReason_RecordsReasonOnTicketAndChange(HoldReason reason)
    {
        var ticket = TicketSteps.OpenIn(TicketStatus.InProgress);

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { Status = new StatusMove(TicketStatus.OnHold, HoldReason: reason) }, T2);

        Assert.Equal(TicketStatus.OnHold, ticket.Status);
        Assert.Equal(reason, ticket.HoldReason);
        Assert.Contains(new FieldChange(TicketField.Status, "InProgress", "OnHold", reason.ToString()), changes);
        Assert.Contains(new FieldChange(TicketField.HoldReason, null, reason.ToString()), changes);
    }

    [Theory]
    [InlineData(TicketStatus.InProgress)]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Cancelled)]
    public void Update_LeavingHold_ClearsHoldReason(TicketStatus to)
    {
        var ticket = TicketSteps.OpenIn(TicketStatus.OnHold);

        var changes = TicketSteps.Move(ticket, to, T2);

        Assert.Null(ticket.HoldReason);
        Assert.Contains(new FieldChange(TicketField.HoldReason, "AwaitingVendor", null), changes);
    }

    [Fact]
    public void Update_Resolve_RecordsCodeTrimmedNotesAndResolvedAt()
    {
        var ticket = TicketSteps.OpenIn(TicketStatus.InProgress);

        var changes = TicketSteps.Apply(
            ticket,
            new TicketUpdate { Status = new StatusMove(TicketStatus.Resolved, ResolutionCode: ResolutionCode.Fixed, ResolutionNotes: "  Replaced the token  ") },
            T2);

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(ResolutionCode.Fixed, ticket.ResolutionCode);
        Assert.Equal("Replaced the token", ticket.ResolutionNotes);
        Assert.Equal(T2, ticket.ResolvedAt);
        Assert.Equal((long)(T2 - TicketSteps.OpenedAt).TotalSeconds, ticket.ResolutionSeconds);
        Assert.Contains(new FieldChange(TicketField.Status, "InProgress", "Resolved", "Fixed: Replaced the token"), changes);
        Assert.Contains(new FieldChange(TicketField.ResolvedAt, null, "2026-03-02T09:30:00.000Z"), changes);
    }

    [Fact]
    public void Update_Cancel_RecordsTrimmedReason()
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Apply(ticket, new TicketUpdate { Status = new StatusMove(TicketStatus.Cancelled, Reason: " Raised twice ") }, T1);

        Assert.Equal(TicketStatus.Cancelled, ticket.Status);
        Assert.Equal("Raised twice", ticket.CancelReason);
        Assert.Contains(new FieldChange(TicketField.Status, "New", "Cancelled", "Raised twice"), changes);
        Assert.Contains(new FieldChange(TicketField.CancelReason, null, "Raised twice"), changes);
    }

    [Theory]
    [InlineData(TicketStatus.InProgress)]
    [InlineData(TicketStatus.OnHold)]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Cancelled)]
    public void Update_FirstMoveOutOfNew_SetsRespondedAt(TicketStatus to)
    {
        var ticket = TicketSteps.Open();

        var changes = TicketSteps.Move(ticket, to, T1);

        Assert.Equal(T1, ticket.RespondedAt);
        Assert.Equal(600, ticket.ResponseSeconds);
        Assert.Contains(new FieldChange(TicketField.RespondedAt, null, "2026-03-02T08:40:00.000Z"), changes);
    }

    [Fact]
    public void Update_LaterMoves_KeepFirstRespondedAt()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Move(ticket, TicketStatus.OnHold, T1);

        var changes = TicketSteps.Move(ticket, TicketStatus.InProgress, T2);

        Assert.Equal(T1, ticket.RespondedAt);
        Assert.DoesNotContain(changes, change => change.Field == TicketField.RespondedAt);
    }

    [Fact]
    public void Update_FieldChangesWhileNew_DoNotCountAsResponse()
    {
        var ticket = TicketSteps.Open();

        TicketSteps.Apply(ticket, new TicketUpdate { Title = "Password reset fails for everyone", Assignee = "bob" }, T1);

        Assert.Null(ticket.RespondedAt);
        Assert.Null(ticket.ResponseSeconds);
    }

    [Fact]
    public void AddNote_First_SetsRespondedAtAndLaterMoveKeepsIt()
    {
        var ticket = TicketSteps.Open();

        var noteChanges = ticket.AddNote(T1);
        var moveChanges = TicketSteps.Move(ticket, TicketStatus.InProgress, T2);

        Assert.Equal([new FieldChange(TicketField.RespondedAt, null, "2026-03-02T08:40:00.000Z")], noteChanges);
        Assert.DoesNotContain(moveChanges, change => change.Field == TicketField.RespondedAt);
        Assert.Equal(T1, ticket.RespondedAt);
    }

    [Fact]
    public void AddNote_AfterResponse_ChangesNoFieldButBumpsVersion()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Move(ticket, TicketStatus.InProgress, T1);
        var version = ticket.Version;

        var changes = ticket.AddNote(T2);

        Assert.Empty(changes);
        Assert.Equal(T1, ticket.RespondedAt);
        Assert.Equal(version + 1, ticket.Version);
        Assert.Equal(T2, ticket.UpdatedAt);
    }

    [Fact]
    public void Update_Reopen_CountsItAndClearsResolution()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Move(ticket, TicketStatus.Resolved, T1);

        var changes = TicketSteps.Move(ticket, TicketStatus.InProgress, T2);

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Null(ticket.ResolvedAt);
        Assert.Null(ticket.ResolutionCode);
        Assert.Null(ticket.ResolutionNotes);
        Assert.Null(ticket.ResolutionSeconds);
        Assert.Equal(T1, ticket.RespondedAt);
        Assert.Contains(new FieldChange(TicketField.ReopenCount, "0", "1"), changes);
        Assert.Contains(new FieldChange(TicketField.ResolutionCode, "Workaround", null), changes);
        Assert.Contains(new FieldChange(TicketField.ResolutionNotes, "Cleared the browser cache", null), changes);
        Assert.Contains(new FieldChange(TicketField.ResolvedAt, "2026-03-02T08:40:00.000Z", null), changes);
    }

    [Fact]
    public void Update_SecondReopen_CountsTwo()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Move(ticket, TicketStatus.Resolved, T1);
        TicketSteps.Move(ticket, TicketStatus.InProgress, T1.AddMinutes(1));
        TicketSteps.Move(ticket, TicketStatus.Resolved, T2);

        TicketSteps.Move(ticket, TicketStatus.InProgress, T3);

        Assert.Equal(2, ticket.ReopenCount);
    }

    [Fact]
    public void Update_CloseResolved_KeepsResolutionAndSetsClosedAt()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Move(ticket, TicketStatus.Resolved, T1);

        var changes = TicketSteps.Move(ticket, TicketStatus.Closed, T2);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(T2, ticket.ClosedAt);
        Assert.Equal(T1, ticket.ResolvedAt);
        Assert.Equal(ResolutionCode.Workaround, ticket.ResolutionCode);
        Assert.Contains(new FieldChange(TicketField.ClosedAt, null, "2026-03-02T09:30:00.000Z"), changes);
    }

    [Fact]
    public void Update_SameStatusWithoutReasons_ChangesNothing()
    {
        var ticket = TicketSteps.OpenIn(TicketStatus.InProgress);
        var version = ticket.Version;

        var (changes, error) = ticket.Update(new TicketUpdate { Status = new StatusMove(TicketStatus.InProgress) }, PriorityMatrix.Default, T3);

        Assert.Null(error);
        Assert.Empty(changes);
        Assert.Equal(version, ticket.Version);
    }

    [Fact]
    public void AutoClose_Resolved_ClosesWithReason()
    {
        var ticket = TicketSteps.Open();
        TicketSteps.Move(ticket, TicketStatus.Resolved, T1);
        var version = ticket.Version;

        var changes = ticket.AutoClose(T3);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(T3, ticket.ClosedAt);
        Assert.Equal(T3, ticket.UpdatedAt);
        Assert.Equal(version + 1, ticket.Version);
        var status = Assert.Single(changes, change => change.Field == TicketField.Status);
        Assert.Equal(("Resolved", "Closed"), (status.OldValue, status.NewValue));
        Assert.False(string.IsNullOrWhiteSpace(status.Reason));
        Assert.Contains(new FieldChange(TicketField.ClosedAt, null, "2026-03-03T08:30:00.000Z"), changes);
    }

    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.InProgress)]
    [InlineData(TicketStatus.OnHold)]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Cancelled)]
    public void AutoClose_NotResolved_ChangesNothing(TicketStatus status)
    {
        var ticket = TicketSteps.OpenIn(status);
        var version = ticket.Version;

        var changes = ticket.AutoClose(T3);

        Assert.Empty(changes);
        Assert.Equal(status, ticket.Status);
        Assert.Equal(version, ticket.Version);
    }

    [Fact]
    public void Update_FinalTicket_RefusesFieldChanges()
    {
        var ticket = TicketSteps.OpenIn(TicketStatus.Cancelled);

        var (changes, error) = ticket.Update(new TicketUpdate { Title = "Reopen me" }, PriorityMatrix.Default, T3);

        Assert.Equal(new UpdateError.TicketIsFinal(TicketStatus.Cancelled), error);
        Assert.Empty(changes);
        Assert.Equal("Password reset fails", ticket.Title);
    }
}
