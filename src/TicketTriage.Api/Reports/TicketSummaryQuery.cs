using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tickets;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Reports;

/// <summary>Counts tickets with GROUP BY in the database; no ticket row is loaded.</summary>
internal static class TicketSummaryQuery
{
    public static async Task<TicketSummary> RunAsync(TicketFilter filter, TriageDbContext db, TriageEngine engine, CancellationToken cancellationToken)
    {
        var tickets = filter.Apply(db.Tickets.AsNoTracking());

        var priorities = await tickets.GroupBy(t => t.Priority)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var groups = await tickets.GroupBy(t => t.AssignmentGroup)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var statuses = await tickets.GroupBy(t => t.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var byPriority = Enum.GetValues<Priority>()
            .Select(priority => new SummaryCount(priority.ToString(), priorities.GetValueOrDefault(priority)))
            .ToList();

        // Declared groups first in rule-file order, then any group older tickets carry that the rules no longer name.
        var byGroup = engine.Groups
            .Select(group => new SummaryCount(group, groups.GetValueOrDefault(group)))
            .Concat(groups.Keys
                .Where(group => !engine.Groups.Contains(group, StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.OrdinalIgnoreCase)
                .Select(group => new SummaryCount(group, groups[group])))
            .ToList();

        var byStatus = Enum.GetValues<TicketStatus>()
            .Select(status => new SummaryCount(status.ToString(), statuses.GetValueOrDefault(status)))
            .ToList();

        return new TicketSummary(priorities.Values.Sum(), byPriority, byGroup, byStatus);
    }
}
