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
        var now = filter.AsOf;
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
            Means(resolve),
            await ComplianceAsync(tickets, window, now, engine, cancellationToken));
    }

    /// <summary>
    /// Met and breached clocks by group and priority, from the recorded breaches and the stored SLA schedule: a
    /// stopped clock with no breach recorded or due met its target. Counted in two parts, the tickets responded to
    /// and the rest, so that the larger part reads one partial index that holds every column it needs. Cancelled
    /// tickets are left out; a New one is not cancelled.
    /// </summary>
    private static async Task<SlaCompliance> ComplianceAsync(
        IQueryable<Ticket> tickets,
        SummaryWindow window,
        DateTimeOffset now,
        TriageEngine engine,
        CancellationToken cancellationToken)
    {
        var outcomes = await Outcomes(tickets.Where(t => t.RespondedAt != null && t.CancelledAt == null), window, now).ToListAsync(cancellationToken);
        // Only a New ticket has no response yet; said outright, the status's index finds those few, where SQLite
        // otherwise walked every ticket of a group to find them.
        outcomes.AddRange(await Outcomes(tickets.Where(t => t.Status == TicketStatus.New && t.RespondedAt == null), window, now).ToListAsync(cancellationToken));
        return new SlaCompliance(
            Compliance(engine, outcomes, outcome => (outcome.ResponseMet, outcome.ResponseBreached)),
            Compliance(engine, outcomes, outcome => (outcome.ResolutionMet, outcome.ResolutionBreached)));
    }

    private static IQueryable<Outcome> Outcomes(IQueryable<Ticket> tickets, SummaryWindow window, DateTimeOffset now)
    {
        var from = window.From;
        var to = window.To;
        return tickets.GroupBy(t => new { t.AssignmentGroup, t.Priority })
            .Select(g => new Outcome(
                g.Key.AssignmentGroup,
                g.Key.Priority,
                g.Sum(t => t.RespondedAt != null && t.ResponseBreachedAt == null && t.ResponseBreachDueAt == null
                    && (from == null || t.RespondedAt >= from) && (to == null || t.RespondedAt < to) ? 1 : 0),
                g.Sum(t => (t.ResponseBreachedAt != null
                        && (from == null || t.ResponseBreachedAt >= from) && (to == null || t.ResponseBreachedAt < to))
                    || (t.ResponseBreachedAt == null && t.ResponseBreachDueAt <= now
                        && (from == null || t.ResponseBreachDueAt >= from) && (to == null || t.ResponseBreachDueAt < to)) ? 1 : 0),
                g.Sum(t => t.ResolvedAt != null && t.ResolutionBreachedAt == null && t.ResolutionBreachDueAt == null
                    && (from == null || t.ResolvedAt >= from) && (to == null || t.ResolvedAt < to) ? 1 : 0),
                g.Sum(t => (t.ResolutionBreachedAt != null
                        && (from == null || t.ResolutionBreachedAt >= from) && (to == null || t.ResolutionBreachedAt < to))
                    || (t.ResolutionBreachedAt == null && t.ResolutionBreachDueAt <= now
                        && (from == null || t.ResolutionBreachDueAt >= from) && (to == null || t.ResolutionBreachDueAt < to)) ? 1 : 0)));
    }

    private static ClockCompliance Compliance(TriageEngine engine, List<Outcome> outcomes, Func<Outcome, (int Met, int Breached)> clock)
    {
        var met = outcomes.Sum(outcome => clock(outcome).Met);
        var breached = outcomes.Sum(outcome => clock(outcome).Breached);
        var byPriority = Enum.GetValues<Priority>().Select(priority =>
        {
            var rows = outcomes.Where(outcome => outcome.Priority == priority).Select(clock).ToList();
            return Count(priority.ToString(), rows.Sum(row => row.Met), rows.Sum(row => row.Breached));
        });
        var groups = outcomes.GroupBy(outcome => outcome.Group, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (Met: g.Sum(outcome => clock(outcome).Met), Breached: g.Sum(outcome => clock(outcome).Breached)), StringComparer.OrdinalIgnoreCase);
        var byGroup = GroupsInOrder(engine, groups.Keys)
            .Select(group => groups.TryGetValue(group, out var counts) ? Count(group, counts.Met, counts.Breached) : Count(group, 0, 0));
        return new ClockCompliance(met, breached, ComplianceCount.PercentMet(met, breached), [.. byPriority], [.. byGroup]);
    }

    private static ComplianceCount Count(string key, int met, int breached) => new(key, met, breached, ComplianceCount.PercentMet(met, breached));

    /// <summary>Groups compare without case, as the database's group filter does.</summary>
    private static Dictionary<string, int> CountByGroup(IEnumerable<Cell> cells) =>
        cells.GroupBy(cell => cell.Group, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(cell => cell.Count), StringComparer.OrdinalIgnoreCase);

    private static List<SummaryCount> ByGroup(TriageEngine engine, Dictionary<string, int> counts) =>
        [.. GroupsInOrder(engine, counts.Keys).Select(group => new SummaryCount(group, counts.GetValueOrDefault(group)))];

    /// <summary>Declared groups first in rule-file order, then any group older tickets carry that the rules no longer name.</summary>
    private static IEnumerable<string> GroupsInOrder(TriageEngine engine, IEnumerable<string> seen) =>
        engine.Groups.Concat(seen.Where(group => !engine.Groups.Contains(group, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase));

    private static List<MeanTime> Means(Dictionary<Priority, (int Count, double Mean)> byPriority) =>
        [.. Enum.GetValues<Priority>().Select(priority => byPriority.TryGetValue(priority, out var mean)
            ? new MeanTime(priority.ToString(), mean.Count, (long)Math.Round(mean.Mean, MidpointRounding.AwayFromZero))
            : new MeanTime(priority.ToString(), 0, null))];

    private sealed record Cell(string Group, TicketStatus Status, Priority Priority, int Count);

    private sealed record Outcome(string Group, Priority Priority, int ResponseMet, int ResponseBreached, int ResolutionMet, int ResolutionBreached);
}
