using System.Text.RegularExpressions;

namespace TicketTriage.Api.Tests.Telemetry;

/// <summary>Just enough PromQL reading to tell which metrics an expression selects.</summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan",
    };

    /// <summary>
    /// The metric names an expression selects: identifiers left once strings, label matchers, ranges and
    /// grouping clauses are removed, that are neither functions nor aggregations (followed by '(') nor keywords.
    /// </summary>
    public static IReadOnlyList<string> MetricNames(string expression)
    {
        var text = StringLiteral().Replace(expression, "\"\"");
        text = LabelMatchers().Replace(text, "{}");
        text = RangeOrSubquery().Replace(text, "[]");
        text = GroupingClause().Replace(text, " ");

        var names = new List<string>();
        foreach (Match identifier in Identifier().Matches(text))
        {
            var next = text.AsSpan(identifier.Index + identifier.Length).TrimStart();
            if ((next.Length > 0 && next[0] == '(') || Keywords.Contains(identifier.Value))
            {
                continue;
            }

            names.Add(identifier.Value);
        }

        return names;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeOrSubquery();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupingClause();

    [GeneratedRegex(@"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}
