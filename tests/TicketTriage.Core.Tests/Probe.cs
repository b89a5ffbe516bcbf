using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

public sealed class Probe
{
    private static TriageDefinition Def(string prio, IReadOnlyList<RuleDefinition>? rules = null) => new()
    {
        Groups = ["A", "B"],
        DefaultGroup = "A",
        Rules = rules ?? [new RuleDefinition { Id = "r", Group = "B", Terms = ["email", "e-mail", "cafe", "nai"] }],
        PriorityMatrix = [.. from i in Enumerable.Range(1, 3) from u in Enumerable.Range(1, 3) select new MatrixCellDefinition { Impact = i, Urgency = u, Priority = i == 1 && u == 1 ? prio : "P4" }],
    };

    [Fact]
    public void Run()
    {
        var lines = new List<string>();
        foreach (var p in new[] { "01", "+1", "p1", " P1 ", "P5", "1", "P0", "04", "P1,P2" })
        {
            var (e, errs) = TriageEngine.Build(Def(p));
            lines.Add($"prio '{p}': engine={(e is null ? "null" : e.Matrix.Resolve(1, 1).Priority.ToString())} errs={string.Join(" | ", errs)}");
        }

        try
        {
            var (e, errs) = TriageEngine.Build(Def("P1", [null!]));
            lines.Add($"null rule: {string.Join(" | ", errs)}");
        }
        catch (Exception ex)
        {
            lines.Add($"null rule threw {ex.GetType().Name}");
        }

        var d = Def("P1");
        try
        {
            var d2 = new TriageDefinition { Groups = d.Groups, DefaultGroup = d.DefaultGroup, Rules = d.Rules, PriorityMatrix = [.. d.PriorityMatrix!, null!] };
            var (e, errs) = TriageEngine.Build(d2);
            lines.Add($"null cell: {string.Join(" | ", errs)}");
        }
        catch (Exception ex)
        {
            lines.Add($"null cell threw {ex.GetType().Name}");
        }

        var engine = TriageEngine.Build(d).Engine!;
        foreach (var t in new[] { "ed mail", "es mail", "e's mail", "cafes", "cafed", "cafeing", "cafe's", "Cafés", "CAFES" })
        {
            var r = engine.Router.Route(t, null);
            lines.Add($"route '{t}': {r.RuleId} [{string.Join(",", r.MatchedTerms)}]");
        }

        lines.Add(string.Join("/", WordTokenizer.Split("हिन्दी 𠮷野家 𝐀𝐁 naïve nai\u0308ve")));
        Assert.Fail(string.Join("\n", lines));
    }
}
