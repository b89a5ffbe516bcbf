namespace TicketTriage.Core.Triage;

/// <summary>Computes a ticket's priority through the matrix and its group through the routing rules.</summary>
public sealed class TriageEngine(PriorityMatrix matrix, Router router)
{
    public PriorityMatrix Matrix { get; } = matrix;

    public Router Router { get; } = router;

    /// <summary>Every group a ticket can be routed to, in the order the definition declares them.</summary>
    public IReadOnlyList<string> Groups { get; private init; } = [.. router.Rules.Select(rule => rule.Group).Append(router.DefaultGroup).Distinct(StringComparer.OrdinalIgnoreCase)];

    public TriageResult Triage(string? title, string? description, int impact, int urgency) =>
        new(Matrix.Resolve(impact, urgency), Router.Route(title, description));

    /// <summary>
    /// Validates a definition and builds the engine, or returns every problem found, each naming the
    /// rule, group or matrix cell at fault so that an operator can fix the file in one go.
    /// </summary>
    public static (TriageEngine? Engine, IReadOnlyList<string> Errors) Build(TriageDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();

        var groups = new List<string>();
        var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (definition.Groups is not { Count: > 0 })
        {
            errors.Add("No assignment groups are declared: 'groups' must list at least one.");
        }
        else
        {
            foreach (var group in definition.Groups)
            {
                if (string.IsNullOrWhiteSpace(group))
                {
                    errors.Add("An assignment group name is empty.");
                }
                else if (!declared.Add(group.Trim()))
                {
                    errors.Add($"Assignment group '{group}' is declared more than once.");
                }
                else
                {
                    groups.Add(group.Trim());
                }
            }
        }

        var defaultGroup = definition.DefaultGroup?.Trim();
        if (string.IsNullOrEmpty(defaultGroup))
        {
            errors.Add("'defaultGroup' is missing: name the group that gets tickets no rule matches.");
        }
        else if (!declared.Contains(defaultGroup))
        {
            errors.Add($"The default group '{defaultGroup}' is not declared in 'groups'.");
        }

        var rules = new List<RoutingRule>();
        var ruleIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rulePosition = 0;
        foreach (var rule in definition.Rules ?? [])
        {
            rulePosition++;
            if (rule is null)
            {
                errors.Add($"Rule #{rulePosition} is empty.");
                continue;
            }

            var ruleErrorCount = errors.Count;
            var id = rule.Id?.Trim();
            var name = string.IsNullOrEmpty(id) ? $"#{rulePosition}" : $"'{id}'";
            if (string.IsNullOrEmpty(id))
            {
                errors.Add($"Rule #{rulePosition} has no id.");
            }
            else if (!ruleIds.Add(id))
            {
                errors.Add($"Rule id '{id}' is used by more than one rule.");
            }

            var group = rule.Group?.Trim();
            if (string.IsNullOrEmpty(group))
            {
                errors.Add($"Rule {name} names no group.");
            }
            else if (!declared.Contains(group))
            {
                errors.Add($"Rule {name} routes to group '{group}', which is not declared in 'groups'.");
            }

            if (rule.Terms is not { Count: > 0 })
            {
                errors.Add($"Rule {name} has an empty term list.");
            }
            else
            {
                var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var term in rule.Terms)
                {
                    if (string.IsNullOrWhiteSpace(term) || WordTokenizer.Split(term).Count == 0)
                    {
                        errors.Add($"Rule {name} has a term with no letters or digits ('{term}').");
                    }
                    else if (!terms.Add(term.Trim()))
                    {
                        errors.Add($"Rule {name} lists the term '{term.Trim()}' more than once.");
                    }
                }
            }

            if (errors.Count == ruleErrorCount)
            {
                var canonicalGroup = groups.First(g => string.Equals(g, group, StringComparison.OrdinalIgnoreCase));
                rules.Add(new RoutingRule(id!, canonicalGroup, [.. rule.Terms!.Select(term => term.Trim())]));
            }
        }

        var cells = new List<MatrixCell>();
        if (definition.PriorityMatrix is not { Count: > 0 })
        {
            errors.Add("'priorityMatrix' is missing: it must give a priority for all nine impact and urgency pairs.");
        }
        else
        {
            var position = 0;
            foreach (var cell in definition.PriorityMatrix)
            {
                position++;
                if (cell is null)
                {
                    errors.Add($"Matrix cell #{position} is empty.");
                    continue;
                }

                if (TryParsePriority(cell.Priority, out var priority))
                {
                    cells.Add(new MatrixCell(cell.Impact, cell.Urgency, priority));
                }
                else
                {
                    errors.Add($"Matrix cell impact {cell.Impact}, urgency {cell.Urgency} has priority '{cell.Priority}', which is not one of P1, P2, P3, P4.");

                    // The cell is present, only wrong: hold its place so it is not reported missing as well.
                    cells.Add(new MatrixCell(cell.Impact, cell.Urgency, Priority.P4));
                }
            }

            errors.AddRange(PriorityMatrix.Create(cells).Errors);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var matrix = PriorityMatrix.Create(cells).Matrix!;
        var canonicalDefault = groups.First(g => string.Equals(g, defaultGroup, StringComparison.OrdinalIgnoreCase));
        return (new TriageEngine(matrix, new Router(rules, canonicalDefault)) { Groups = groups }, errors);
    }

    /// <summary>Only the names P1-P4 (any case); numbers such as "1" or "+1" are not priorities.</summary>
    private static bool TryParsePriority(string? text, out Priority priority)
    {
        priority = default;
        var trimmed = text.AsSpan().Trim();
        return trimmed.Length == 2
            && trimmed[0] is 'P' or 'p'
            && trimmed[1] is >= '1' and <= '4'
            && Enum.TryParse(trimmed, ignoreCase: true, out priority);
    }
}
