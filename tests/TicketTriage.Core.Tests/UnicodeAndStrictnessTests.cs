using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>Words in every script stay whole, and a rules file is read strictly.</summary>
public sealed class UnicodeAndStrictnessTests
{
    [Theory]
    [InlineData("nai\u0308ve user", "nai\u0308ve|user")]
    [InlineData("\u0939\u093f\u0928\u094d\u0926\u0940 text", "\u0939\u093f\u0928\u094d\u0926\u0940|text")]
    [InlineData("\U00020BB7\u91ce family", "\U00020BB7\u91ce|family")]
    [InlineData("fire \U0001F525 alarm", "fire|alarm")]
    public void Split_TextWithCombiningMarksOrAstralLetters_KeepsWordsWhole(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', WordTokenizer.Split(text)));
    }

    [Fact]
    public void Route_DecomposedAccents_DoNotMatchThePrefixAsAWord()
    {
        var router = new Router([new RoutingRule("r", "Team", ["nai"])], "Default");

        Assert.True(router.Route("nai\u0308ve question", null).IsFallback);
    }

    [Fact]
    public void Route_DecomposedTextAgainstComposedTerm_Matches()
    {
        var router = new Router([new RoutingRule("r", "Cafe Team", ["caf\u00e9"])], "Default");

        var decision = router.Route("The cafe\u0301 wifi is down", null);

        Assert.Equal("r", decision.RuleId);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("+1")]
    [InlineData("04")]
    [InlineData("1")]
    [InlineData("P0")]
    [InlineData("")]
    [InlineData(null)]
    public void Build_WithNumericOrEmptyPriority_ReportsThatCellOnce(string? priority)
    {
        var matrix = Definitions.Matrix();
        matrix.RemoveAll(cell => cell.Impact == 2 && cell.Urgency == 2);
        matrix.Add(Definitions.Cell(2, 2, priority));

        var (engine, errors) = TriageEngine.Build(Definitions.WithMatrix(matrix));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("impact 2, urgency 2", error, StringComparison.Ordinal);
        Assert.Contains("not one of P1, P2, P3, P4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithNullRuleOrCell_ReportsItInsteadOfCrashing()
    {
        var rules = Definitions.Rules().Append(null!).ToList();
        var matrix = Definitions.Matrix().Append(null!).ToList();

        var (engine, errors) = TriageEngine.Build(Definitions.Create(Definitions.Groups(), Definitions.DefaultGroup, rules, matrix));

        Assert.Null(engine);
        Assert.Contains(errors, error => error.StartsWith("Rule #", StringComparison.Ordinal) && error.EndsWith("is empty.", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("Matrix cell #", StringComparison.Ordinal) && error.EndsWith("is empty.", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithRepeatedTermInARule_ReportsIt()
    {
        var rules = new List<RuleDefinition>
        {
            new() { Id = "net", Group = "Network", Terms = ["vpn", "VPN"] },
        };

        var (engine, errors) = TriageEngine.Build(Definitions.WithRules(rules));

        Assert.Null(engine);
        Assert.Contains("Rule 'net' lists the term 'VPN' more than once.", errors);
    }
}
