using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

public sealed class TriageExplanationTests
{
    private readonly TriageEngine _engine = ShippedRules.BuildEngine();

    [Fact]
    public void Triage_MatchingRule_CombinesMatrixCellAndRouting()
    {
        var result = _engine.Triage("Password reset for email login", "Locked after three tries", 2, 1);

        Assert.Equal(new MatrixCell(2, 1, Priority.P2), result.Cell);
        Assert.Equal(Priority.P2, result.Priority);
        Assert.Equal("Service Desk", result.AssignmentGroup);
        Assert.Equal("sign-in", result.Routing.RuleId);
    }

    [Fact]
    public void Explanation_MatchingRule_NamesCellRuleTermsAndGroup()
    {
        var result = _engine.Triage("Password reset for email login", null, 1, 2);

        var explanation = result.Explanation;

        Assert.Contains("Impact 1 and urgency 2 give P2", explanation, StringComparison.Ordinal);
        Assert.Contains("Rule 'sign-in'", explanation, StringComparison.Ordinal);
        Assert.Contains("'password', 'login'", explanation, StringComparison.Ordinal);
        Assert.Contains("Service Desk", explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("default group", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_Fallback_NamesCellAndDefaultGroup()
    {
        var result = _engine.Triage("Coffee machine broken", "No idea who to ask", 3, 3);

        var explanation = result.Explanation;

        Assert.Contains("Impact 3 and urgency 3 give P4", explanation, StringComparison.Ordinal);
        Assert.Equal(
            "Impact 3 and urgency 3 give P4 in the priority matrix. No routing rule matched, so the ticket goes to the default group General Support.",
            explanation);
    }

    [Fact]
    public void Explanation_BuiltFromParts_UsesThoseParts()
    {
        var result = new TriageResult(new MatrixCell(1, 3, Priority.P3), new RoutingDecision("custom-rule", "Team X", ["alpha", "beta gamma"]));

        Assert.Equal(
            "Impact 1 and urgency 3 give P3 in the priority matrix. Rule 'custom-rule' matched 'alpha', 'beta gamma', so the ticket goes to Team X.",
            result.Explanation);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 4)]
    public void Triage_OutOfRangeImpactOrUrgency_ThrowsArgumentOutOfRange(int impact, int urgency)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _engine.Triage("VPN down", null, impact, urgency));
    }

    [Fact]
    public void Constructor_WithoutDefinition_ListsRuleGroupsThenDefaultGroupOnce()
    {
        var router = new Router(
            [
                new RoutingRule("a", "Network", ["vpn"]),
                new RoutingRule("b", "Service Desk", ["login"]),
                new RoutingRule("c", "network", ["wifi"]),
            ],
            "Service Desk");

        var engine = new TriageEngine(PriorityMatrix.Default, router);

        Assert.Equal(["Network", "Service Desk"], engine.Groups);
    }
}
