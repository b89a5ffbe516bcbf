using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

public sealed class TriageDefinitionValidationTests
{
    [Fact]
    public void Build_ShippedDefinition_BuildsEngineWithDeclaredGroups()
    {
        var definition = ShippedRules.LoadDefinition();

        var (engine, errors) = TriageEngine.Build(definition);

        Assert.Empty(errors);
        Assert.NotNull(engine);
        Assert.Equal(definition.Groups, engine.Groups);
        Assert.Equal("General Support", engine.Router.DefaultGroup);
        Assert.Equal(definition.Rules!.Select(rule => rule.Id), engine.Router.Rules.Select(rule => rule.Id));
    }

    [Fact]
    public void Build_ValidDefinition_BuildsWorkingEngine()
    {
        var (engine, errors) = TriageEngine.Build(Definitions.Valid());

        Assert.Empty(errors);
        Assert.NotNull(engine);
        var result = engine.Triage("VPN down", null, 1, 1);
        Assert.Equal(Priority.P1, result.Priority);
        Assert.Equal("Network", result.AssignmentGroup);
    }

    [Fact]
    public void Build_NullDefinition_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => TriageEngine.Build(null!));
    }

    [Fact]
    public void Build_PaddedAndDifferentlyCasedNames_UsesDeclaredSpelling()
    {
        var definition = Definitions.Create(
            ["Service Desk", "General Support"],
            "  general support ",
            [new RuleDefinition { Id = " sign-in ", Group = " SERVICE desk ", Terms = ["  password  "] }],
            Definitions.Matrix());

        var (engine, errors) = TriageEngine.Build(definition);

        Assert.Empty(errors);
        Assert.NotNull(engine);
        var rule = Assert.Single(engine.Router.Rules);
        Assert.Equal(new RoutingRule("sign-in", "Service Desk", rule.Terms), rule);
        Assert.Equal(["password"], rule.Terms);
        Assert.Equal("General Support", engine.Router.DefaultGroup);
        Assert.Equal("Service Desk", engine.Router.Route("password", null).AssignmentGroup);
    }

    [Theory]
    [InlineData("p2")]
    [InlineData(" P2 ")]
    public void Build_PriorityInOtherCaseOrPadded_IsAccepted(string priority)
    {
        var matrix = Definitions.Matrix();
        matrix[0] = Definitions.Cell(1, 1, priority);

        var (engine, errors) = TriageEngine.Build(Definitions.WithMatrix(matrix));

        Assert.Empty(errors);
        Assert.NotNull(engine);
        Assert.Equal(Priority.P2, engine.Matrix.Resolve(1, 1).Priority);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_WithoutRules_RoutesEverythingToDefaultGroup(bool rulesIsNull)
    {
        var definition = Definitions.WithRules(rulesIsNull ? null : []);

        var (engine, errors) = TriageEngine.Build(definition);

        Assert.Empty(errors);
        Assert.NotNull(engine);
        Assert.True(engine.Router.Route("password", "vpn").IsFallback);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_RuleWithEmptyTermList_ReportsRuleId(bool termsIsNull)
    {
        var rules = Definitions.Rules().Append(new RuleDefinition { Id = "silent", Group = "Network", Terms = termsIsNull ? null : [] }).ToList();

        var (engine, errors) = TriageEngine.Build(Definitions.WithRules(rules));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("'silent'", error, StringComparison.Ordinal);
        Assert.Contains("empty term list", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    [InlineData("'")]
    [InlineData("\U0001F525")]
    [InlineData(null)]
    public void Build_TermWithoutLettersOrDigits_ReportsRuleId(string? term)
    {
        var rules = Definitions.Rules().Append(new RuleDefinition { Id = "odd-term", Group = "Network", Terms = ["wifi", term!] }).ToList();

        var (engine, errors) = TriageEngine.Build(Definitions.WithRules(rules));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("'odd-term'", error, StringComparison.Ordinal);
        Assert.Contains("no letters or digits", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sign-in")]
    [InlineData("SIGN-IN")]
    [InlineData(" Sign-In ")]
    public void Build_DuplicateRuleIdIgnoringCase_ReportsId(string duplicate)
    {
        var rules = Definitions.Rules().Append(new RuleDefinition { Id = duplicate, Group = "Network", Terms = ["wifi"] }).ToList();

        var (engine, errors) = TriageEngine.Build(Definitions.WithRules(rules));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains($"'{duplicate.Trim()}'", error, StringComparison.Ordinal);
        Assert.Contains("more than one rule", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RuleNamingUndeclaredGroup_ReportsRuleIdAndGroup()
    {
        var rules = Definitions.Rules().Append(new RuleDefinition { Id = "printing", Group = "Printing Team", Terms = ["printer"] }).ToList();

        var (engine, errors) = TriageEngine.Build(Definitions.WithRules(rules));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("'printing'", error, StringComparison.Ordinal);
        Assert.Contains("'Printing Team'", error, StringComparison.Ordinal);
        Assert.Contains("not declared", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Build_RuleWithoutGroup_ReportsRuleId(string? group)
    {
        var rules = Definitions.Rules().Append(new RuleDefinition { Id = "orphan", Group = group, Terms = ["printer"] }).ToList();

        var (engine, errors) = TriageEngine.Build(Definitions.WithRules(rules));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("'orphan'", error, StringComparison.Ordinal);
        Assert.Contains("no group", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Build_RuleWithoutId_ReportsRulePosition(string? id)
    {
        var rules = Definitions.Rules().Append(new RuleDefinition { Id = id, Group = "Network", Terms = ["wifi"] }).ToList();

        var (engine, errors) = TriageEngine.Build(Definitions.WithRules(rules));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("#3", error, StringComparison.Ordinal);
        Assert.Contains("no id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MatrixMissingCell_ReportsCell()
    {
        var matrix = Definitions.Matrix();
        matrix.RemoveAll(cell => cell.Impact == 3 && cell.Urgency == 2);

        var (engine, errors) = TriageEngine.Build(Definitions.WithMatrix(matrix));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("impact 3, urgency 2", error, StringComparison.Ordinal);
        Assert.Contains("missing", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(2, 0)]
    public void Build_MatrixOutOfRangeCell_ReportsCell(int impact, int urgency)
    {
        var matrix = Definitions.Matrix();
        matrix.Add(Definitions.Cell(impact, urgency, "P1"));

        var (engine, errors) = TriageEngine.Build(Definitions.WithMatrix(matrix));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains($"impact {impact}, urgency {urgency}", error, StringComparison.Ordinal);
        Assert.Contains("out of range", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MatrixDuplicateCell_ReportsCell()
    {
        var matrix = Definitions.Matrix();
        matrix.Add(Definitions.Cell(2, 2, "P1"));

        var (engine, errors) = TriageEngine.Build(Definitions.WithMatrix(matrix));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("impact 2, urgency 2", error, StringComparison.Ordinal);
        Assert.Contains("more than once", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_MatrixMissing_ReportsMatrix(bool matrixIsNull)
    {
        var (engine, errors) = TriageEngine.Build(Definitions.WithMatrix(matrixIsNull ? null : []));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("'priorityMatrix'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P5")]
    [InlineData("P0")]
    [InlineData("P")]
    [InlineData("1")]
    [InlineData("5")]
    [InlineData("High")]
    [InlineData("P1,P2")]
    [InlineData("")]
    [InlineData(null)]
    public void Build_InvalidPriority_ReportsCellAndValue(string? priority)
    {
        var matrix = Definitions.Matrix();
        matrix[5] = Definitions.Cell(2, 3, priority);

        var (engine, errors) = TriageEngine.Build(Definitions.WithMatrix(matrix));

        Assert.Null(engine);
        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.Contains("impact 2, urgency 3", error, StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains($"priority '{priority}'", StringComparison.Ordinal) && error.Contains("not one of P1, P2, P3, P4", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Build_MissingDefaultGroup_ReportsDefaultGroup(string? defaultGroup)
    {
        var (engine, errors) = TriageEngine.Build(Definitions.WithDefaultGroup(defaultGroup));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("'defaultGroup' is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UndeclaredDefaultGroup_ReportsThatGroup()
    {
        var (engine, errors) = TriageEngine.Build(Definitions.WithDefaultGroup("Helpdesk"));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("'Helpdesk'", error, StringComparison.Ordinal);
        Assert.Contains("not declared", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_NoGroupsDeclared_ReportsGroups(bool groupsIsNull)
    {
        var (engine, errors) = TriageEngine.Build(Definitions.WithGroups(groupsIsNull ? null : []));

        Assert.Null(engine);
        Assert.Contains(errors, error => error.Contains("'groups' must list at least one", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_GroupDeclaredTwiceIgnoringCase_ReportsGroup()
    {
        var (engine, errors) = TriageEngine.Build(Definitions.WithGroups([.. Definitions.Groups(), "network"]));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("'network'", error, StringComparison.Ordinal);
        Assert.Contains("more than once", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EmptyGroupName_ReportsIt()
    {
        var (engine, errors) = TriageEngine.Build(Definitions.WithGroups([.. Definitions.Groups(), " "]));

        Assert.Null(engine);
        var error = Assert.Single(errors);
        Assert.Contains("group name is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsEveryOne()
    {
        var matrix = Definitions.Matrix();
        matrix.RemoveAll(cell => cell.Impact == 1 && cell.Urgency == 3);
        matrix[0] = Definitions.Cell(1, 1, "P5");
        matrix.Add(Definitions.Cell(9, 9, "P1"));
        var definition = Definitions.Create(
            Definitions.Groups(),
            "Nobody",
            [
                new RuleDefinition { Id = "sign-in", Group = "Service Desk", Terms = ["password"] },
                new RuleDefinition { Id = "empty", Group = "Network", Terms = [] },
                new RuleDefinition { Id = "Sign-In", Group = "Service Desk", Terms = ["login"] },
                new RuleDefinition { Id = "lost", Group = "Elsewhere", Terms = ["x"] },
            ],
            matrix);

        var (engine, errors) = TriageEngine.Build(definition);

        Assert.Null(engine);
        string[][] expected =
        [
            ["default group", "'Nobody'"],
            ["'empty'", "empty term list"],
            ["'Sign-In'", "more than one rule"],
            ["'lost'", "'Elsewhere'"],
            ["impact 1, urgency 1", "'P5'"],
            ["impact 1, urgency 3", "missing"],
            ["impact 9, urgency 9", "out of range"],
        ];
        Assert.All(expected, parts => Assert.Contains(errors, error => parts.All(part => error.Contains(part, StringComparison.Ordinal))));
    }
}
