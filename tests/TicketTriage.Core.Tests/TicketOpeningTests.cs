using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

public sealed class TicketOpeningTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1));

    private static TriageResult SignInTriage() =>
        new(new MatrixCell(2, 1, Priority.P2), new RoutingDecision("sign-in", "Service Desk", ["password", "login"]));

    [Fact]
    public void Open_FromTriage_RecordsFieldsAndStartsNew()
    {
        var ticket = Ticket.Open("  Password reset \t", "Locked out after the weekend ", "alice@example.com", SignInTriage(), Now);

        Assert.Equal("Password reset", ticket.Title);
        Assert.Equal("Locked out after the weekend ", ticket.Description);
        Assert.Equal("alice@example.com", ticket.Caller);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(Now, ticket.CreatedAt);
        Assert.Equal(Now, ticket.UpdatedAt);
        Assert.Equal(Now.Offset, ticket.CreatedAt.Offset);
        Assert.Equal(2, ticket.Impact);
        Assert.Equal(1, ticket.Urgency);
        Assert.Equal(Priority.P2, ticket.Priority);
        Assert.Equal("Service Desk", ticket.AssignmentGroup);
        Assert.Equal("sign-in", ticket.RoutingRuleId);
        Assert.Equal(["password", "login"], ticket.MatchedTerms);
    }

    [Fact]
    public void Open_FallbackTriage_RecordsNoRuleAndNoTerms()
    {
        var triage = new TriageResult(new MatrixCell(3, 3, Priority.P4), new RoutingDecision(null, "General Support", []));

        var ticket = Ticket.Open("Coffee machine", null, null, triage, Now);

        Assert.Null(ticket.RoutingRuleId);
        Assert.Empty(ticket.MatchedTerms);
        Assert.Equal("General Support", ticket.AssignmentGroup);
        Assert.Equal(Priority.P4, ticket.Priority);
        Assert.Null(ticket.Description);
        Assert.Null(ticket.Caller);
    }

    [Fact]
    public void Open_NotYetSaved_HasNoNumber()
    {
        var ticket = Ticket.Open("VPN down", null, null, SignInTriage(), Now);

        Assert.Equal(0, ticket.Id);
        Assert.Equal(string.Empty, ticket.Number);
    }

    [Fact]
    public void RecordedTriage_AfterOpen_ExplainsLikeOriginalTriage()
    {
        var triage = SignInTriage();

        var recorded = Ticket.Open("Password reset", null, null, triage, Now).RecordedTriage;

        Assert.Equal(triage.Cell, recorded.Cell);
        Assert.Equal(triage.Routing.RuleId, recorded.Routing.RuleId);
        Assert.Equal(triage.Routing.MatchedTerms, recorded.Routing.MatchedTerms);
        Assert.Equal(triage.Explanation, recorded.Explanation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Open_BlankTitle_ThrowsArgumentException(string title)
    {
        var exception = Assert.Throws<ArgumentException>(() => Ticket.Open(title, null, null, SignInTriage(), Now));

        Assert.Equal("title", exception.ParamName);
    }

    [Fact]
    public void Open_NullTitle_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Ticket.Open(null!, null, null, SignInTriage(), Now));
    }

    [Fact]
    public void Open_NullTriage_ThrowsArgumentNull()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Ticket.Open("VPN down", null, null, null!, Now));

        Assert.Equal("triage", exception.ParamName);
    }
}
