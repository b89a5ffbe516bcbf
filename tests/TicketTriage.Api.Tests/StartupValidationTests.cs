using System.Text.Json.Nodes;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>A broken rules file stops the service at start-up with a message that names the problem.</summary>
public sealed class StartupValidationTests
{
    public static TheoryData<string, string> BrokenRules => new()
    {
        { "empty-terms", "Rule 'network' has an empty term list" },
        { "duplicate-id", "Rule id 'hardware' is used by more than one rule" },
        { "undeclared-group", "Rule 'messaging' routes to group 'Mail Team', which is not declared" },
        { "missing-cell", "Matrix cell impact 3, urgency 3 is missing" },
        { "out-of-range-cell", "Matrix cell impact 4, urgency 1 is out of range" },
        { "bad-priority", "has priority 'P5', which is not one of P1, P2, P3, P4" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Start_WithBrokenRulesFile_FailsNamingTheProblem(string breakage, string expectedMessage)
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "triage.json")))!.AsObject();
        Break(rules, breakage);
        var path = Path.Combine(Path.GetTempPath(), $"triage-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, rules.ToJsonString());
        try
        {
            var failure = TriageApiFactory.StartFailure(new Dictionary<string, string?> { ["Triage:RulesPath"] = path });

            Assert.Contains(expectedMessage, failure.Message, StringComparison.Ordinal);
            Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Start_WithMissingRulesFile_FailsNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");
        var failure = TriageApiFactory.StartFailure(new Dictionary<string, string?> { ["Triage:RulesPath"] = path });

        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithRulesFileThatIsNotJson_FailsSayingSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"triage-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"groups\": [ \"Network\" ");
        try
        {
            var failure = TriageApiFactory.StartFailure(new Dictionary<string, string?> { ["Triage:RulesPath"] = path });

            Assert.Contains("not valid", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Break(JsonObject rules, string breakage)
    {
        var ruleList = rules["rules"]!.AsArray();
        var matrix = rules["priorityMatrix"]!.AsArray();
        JsonObject Rule(string id) => ruleList.Select(rule => rule!.AsObject()).Single(rule => (string?)rule["id"] == id);
        JsonObject Cell(int impact, int urgency) => matrix.Select(cell => cell!.AsObject()).Single(cell => (int)cell["impact"]! == impact && (int)cell["urgency"]! == urgency);

        switch (breakage)
        {
            case "empty-terms":
                Rule("network")["terms"] = new JsonArray();
                break;
            case "duplicate-id":
                Rule("printing")["id"] = "hardware";
                break;
            case "undeclared-group":
                Rule("messaging")["group"] = "Mail Team";
                break;
            case "missing-cell":
                matrix.Remove(Cell(3, 3));
                break;
            case "out-of-range-cell":
                matrix.Add(new JsonObject { ["impact"] = 4, ["urgency"] = 1, ["priority"] = "P1" });
                break;
            case "bad-priority":
                Cell(2, 2)["priority"] = "P5";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "Unknown breakage.");
        }
    }
}
