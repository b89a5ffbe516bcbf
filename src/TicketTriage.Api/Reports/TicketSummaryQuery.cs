using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tickets;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Reports;

/// <summary>Counts and averages tickets with GROUP BY in the database; no ticket row is loaded.</summary>
internal static class TicketSummaryQuery
{
    public static async Task<TicketSummary> RunAsync(TicketFilter filter, SummaryWindow window, TriageDbContext db, TriageEngine engine, CancellationToken cancellationToken)
    {
        var tickets = filter.Apply(db);

        // One pass counts every distribution: a GROUP BY (group, status, priority) reads the queue view's index
        // once and returns a few hundred counts, where a GROUP BY per distribution read every ticket's entry
        // in an index of its own, three times over.
        var cells = await tickets.GroupBy(t => new { t.AssignmentGroup, t.Status, t.Priority })
            .Select(g => new Cell(g.Key.AssignmentGroup, g.Key.Status, g.Key.Priority, g.Count()))
            .ToListAsync(cancellationToken);
        var priorities = cells.GroupBy(cell => cell.Priority).ToDictionary(g => g.Key, g => g.Sum(cell => cell.Count));
        var statuses = cells.GroupBy(cell => cell.Status).ToDictionary(g => g.Key, g => g.Sum(cell => cell.Count));
        var groups = CountByGroup(cells);

        var openStatuses = Lifecycle.OpenStatuses;
        var openGroups = CountByGroup(cells.Where(cell => openStatuses.Contains(cell.Status)));
        var open = new OpenTickets(
            openStatuses.Sum(status => statuses.GetValueOrDefault(status)),
            [.. openStatuses.Select(status => new SummaryCount(status.ToString(), statuses.GetValueOrDefault(status)))],
            ByGroup(engine, openGroups));

        var responded = tickets.Where(t => t.ResponseSeconds != null);
        var resolved = tickets.Where(t => t.ResolutionSeconds != null);
        if (window.From is { } from)
        {
            responded = responded.Where(t => t.RespondedAt >= from);
            resolved = resolved.Where(t => t.ResolvedAt >= from);
        }

        if (window.To is { } to)
        {
            responded = responded.Where(t => t.RespondedAt < to);
            resolved = resolved.Where(t => t.ResolvedAt < to);
        }

        var respond = await responded.GroupBy(t => t.Priority)
            .Select(g => new { g.Key, Count = g.Count(), Mean = g.Average(t => (double)t.ResponseSeconds!.Value) })
            .ToDictionaryAsync(g => g.Key, g => (g.Count, g.Mean), cancellationToken);
        var resolve = await resolved.GroupBy(t => t.Priority)
            .Select(g => new { g.Key, Count = g.Count(), Mean = g.Average(t => (double)t.ResolutionSeconds!.Value) })
            .ToDictionaryAsync(g => g.Key, g => (g.Count, g.Mean), cancellationToken);

        return new TicketSummary(
            priorities.Values.Sum(),
            [.. Enum.GetValues<Priority>().Select(priority => new SummaryCount(priority.ToString(), priorities.GetValueOrDefault(priority)))],
            ByGroup(engine, groups),
            [.. Enum.GetValues<TicketStatus>().Select(status => new SummaryCount(status.ToString(), statuses.GetValueOrDefault(status)))],
            open,
            window.From,
            window.To,
            Means(respond),
            Means(resolve));
    }

    /// <summary>Groups compare without case, as the database's group filter does.</summary>
    private static Dictionary<string, int> CountByGroup(IEnumerable<Cell> cells) =>
        cells.GroupBy(cell => cell.Group, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(cell => cell.Count), StringComparer.OrdinalIgnoreCase);

    /// <summary>Declared groups first in rule-file order, then any group older tickets carry that the rules no longer name.</summary>
    private static List<SummaryCount> ByGroup(TriageEngine engine, Dictionary<string, int> counts) =>
        [.. engine.Groups
            .Select(group => new SummaryCount(group, counts.GetValueOrDefault(group)))
            .Concat(counts.Keys
                .Where(group => !engine.Groups.Contains(group, StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.OrdinalIgnoreCase)
                .Select(group => new SummaryCount(group, counts[group])))];

    private static List<MeanTime> Means(Dictionary<Priority, (int Count, double Mean)> byPriority) =>
        [.. Enum.GetValues<Priority>().Select(priority => byPriority.TryGetValue(priority, out var mean)
            ? new MeanTime(priority.ToString(), mean.Count, (long)Math.Round(mean.Mean, MidpointRounding.AwayFromZero))
            : new MeanTime(priority.ToString(), 0, null))];

    private sealed record Cell(string Group, TicketStatus Status, Priority Priority, int Count);
}
