using TicketTriage.Core.Triage;

namespace TicketTriage.Bench.Triage;

/// <summary>
/// A large rule set in the shape of the shipped one: many groups, ten terms a rule (a fifth of
/// them phrases) made of invented words that the benchmark text does not contain, followed by the
/// shipped rules, so the text is routed by a rule near the end of the list.
/// </summary>
public static class GeneratedRules
{
    public static TriageDefinition Create(TriageDefinition shipped, int count, string text)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        var random = new Random(7);
        var textWords = new HashSet<string>(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        var groups = Enumerable.Range(1, 40).Select(i => $"Resolver Group {i}").ToList();
        var shippedRules = shipped.Rules ?? [];
        var rules = new List<RuleDefinition>();
        for (var i = 0; i < count - shippedRules.Count; i++)
        {
            var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (terms.Count < 10)
            {
                var term = terms.Count % 5 == 4 ? $"{Word(random)} {Word(random)}" : Word(random);
                if (!textWords.Contains(term))
                {
                    terms.Add(term);
                }
            }

            rules.Add(new RuleDefinition { Id = $"rule-{i + 1:D3}", Group = groups[i % groups.Count], Terms = [.. terms] });
        }

        // The shipped rules go last, so the text is routed by a rule near the end of the list.
        rules.AddRange(shippedRules.Select(rule => new RuleDefinition { Id = rule!.Id, Group = groups[0], Terms = rule.Terms }));
        return new TriageDefinition
        {
            Groups = groups,
            DefaultGroup = groups[^1],
            Rules = rules,
            PriorityMatrix = shipped.PriorityMatrix,
        };
    }

    private static string Word(Random random)
    {
        const string Consonants = "bcdfghklmnprstvz";
        const string Vowels = "aeiou";
        var length = random.Next(2, 5);
        var chars = new char[length * 2];
        for (var i = 0; i < chars.Length; i += 2)
        {
            chars[i] = Consonants[random.Next(Consonants.Length)];
            chars[i + 1] = Vowels[random.Next(Vowels.Length)];
        }

        return new string(chars);
    }
}
