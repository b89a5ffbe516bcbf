using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Sla;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tickets;

/// <summary>One page of a filtered, sorted ticket list, read with a keyset seek on the sort's index.</summary>
internal static class TicketListQuery
{
    public static async Task<TicketPage> RunAsync(
        TicketFilter filter,
        TicketSort sort,
        TicketCursor? cursor,
        int pageSize,
        TriageDbContext db,
        SlaEvaluator sla,
        CancellationToken cancellationToken)
    {
        var (tickets, next) = sort == TicketSort.Relevance
            ? await ByRelevanceAsync(filter, cursor, pageSize, db, cancellationToken)
            : await ByFieldAsync(filter, sort, cursor, pageSize, db, cancellationToken);
        return new TicketPage([.. tickets.Select(ticket => TicketResponse.From(ticket, sla))], next?.Encode());
    }

    private static async Task<(List<Ticket> Tickets, TicketCursor? Next)> ByFieldAsync(
        TicketFilter filter,
        TicketSort sort,
        TicketCursor? cursor,
        int pageSize,
        TriageDbContext db,
        CancellationToken cancellationToken)
    {
        var walk = filter.Search is { } search && await db.WalksSortIndexAsync(search, cancellationToken);
        var query = filter.Apply(db, walk);
        List<Ticket> rows;

        if (sort == TicketSort.Priority)
        {
            // Newest first within a priority runs against the priority's order, which no single index range
            // holds once anything else filters the list (a group, the open statuses): one seek per priority,
            // in priority order, from the anchor's on, until the page is full. As one ORDER BY, SQLite sorted
            // all of a group's tickets for each page.
            rows = [];
            foreach (var priority in Enum.GetValues<Priority>())
            {
                if ((cursor is { } anchor && priority < anchor.Priority) || (filter.Priorities.Count > 0 && !filter.Priorities.Contains(priority)))
                {
                    continue;
                }

                var seek = query.Where(t => t.Priority == priority);
                if (cursor is { } within && priority == within.Priority)
                {
                    seek = After(seek, TicketSort.Newest, cursor);
                }

                rows.AddRange(await Ordered(seek, TicketSort.Newest).Take(pageSize + 1 - rows.Count).ToListAsync(cancellationToken));
                if (rows.Count > pageSize)
                {
                    break;
                }
            }
        }
        else if (filter.SplitByStatus(walk) is { } parts)
        {
            // One seek per status, merged here. A ticket whose status changes between two seeks can be read by
            // both; it is listed once.
            var merged = new Dictionary<long, Ticket>();
            foreach (var part in parts)
            {
                foreach (var ticket in await Ordered(After(part.Apply(db, walk), sort, cursor), sort).Take(pageSize + 1).ToListAsync(cancellationToken))
                {
                    merged.TryAdd(ticket.Id, ticket);
                }
            }

            var inOrder = sort == TicketSort.Oldest
                ? merged.Values.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
                : merged.Values.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);
            rows = [.. inOrder.Take(pageSize + 1)];
        }
        else
        {
            rows = await Ordered(After(query, sort, cursor), sort).Take(pageSize + 1).ToListAsync(cancellationToken);
        }

        var next = rows.Count > pageSize ? TicketCursor.After(sort, rows[pageSize - 1], 0) : (TicketCursor?)null;
        return ([.. rows.Take(pageSize)], next);
    }

    /// <summary>
    /// The tickets after the cursor in creation order, newest or oldest first. The seek leads with a plain bound on
    /// CreatedAt, so that it starts at the anchor: PostgreSQL does not find that start in an OR of the keys (SQLite
    /// does), and scanned the index from the top, filtering every row before the anchor; page 50 cost ten first pages.
    /// </summary>
    private static IQueryable<Ticket> After(IQueryable<Ticket> query, TicketSort sort, TicketCursor? cursor)
    {
        if (cursor is not { } after)
        {
            return query;
        }

        return sort == TicketSort.Oldest
            ? query.Where(t => t.CreatedAt >= after.CreatedAt && (t.CreatedAt > after.CreatedAt || t.Id > after.Id))
            : query.Where(t => t.CreatedAt <= after.CreatedAt && (t.CreatedAt < after.CreatedAt || t.Id < after.Id));
    }

    private static IOrderedQueryable<Ticket> Ordered(IQueryable<Ticket> query, TicketSort sort) => sort switch
    {
        TicketSort.Oldest => query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        _ => query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
    };

    /// <summary>
    /// Best match first. A ticket the query names by number comes before everything on the first
    /// page. The cursor's rank is re-read for its ticket on every page: ranks move a little as the
    /// index grows, and comparing against the anchor's current rank keeps the order consistent.
    /// </summary>
    private static async Task<(List<Ticket> Tickets, TicketCursor? Next)> ByRelevanceAsync(
        TicketFilter filter,
        TicketCursor? cursor,
        int pageSize,
        TriageDbContext db,
        CancellationToken cancellationToken)
    {
        var search = filter.Search!;
        var named = search.TicketId;

        // After the named ticket itself, the ranked list starts from its best match.
        var hits = db.Search(search);
        if (cursor is { } after && after.Id != named)
        {
            var anchor = await db.RankOfAsync(search, after.Id, cancellationToken) ?? after.Rank;
            hits = db.SearchAfter(search, anchor, after.Id);
        }

        // Rank first, read tickets after: without field filters the index alone picks the page, so
        // a common word costs one bm25 pass over its matches, not a ticket read per match.
        var ranked = filter.HasFieldFilters
            ? filter.ApplyFields(db.Tickets.AsNoTracking()).Join(hits, t => t.Id, hit => hit.Id, (_, hit) => hit)
            : hits;

        var page = new List<SearchHit>();
        if (named is { } namedId)
        {
            if (cursor is null && await ranked.FirstOrDefaultAsync(hit => hit.Id == namedId, cancellationToken) is { } first)
            {
                page.Add(first);
            }

            ranked = ranked.Where(hit => hit.Id != namedId);
        }

        page.AddRange(await ranked.OrderBy(hit => hit.Rank).ThenBy(hit => hit.Id)
            .Take(pageSize + 1 - page.Count)
            .ToListAsync(cancellationToken));

        var ids = page.Select(hit => hit.Id).ToList();
        // The ids go as one array parameter: the SQL stays the same whatever their number, so EF keeps it.
        var tickets = await db.Tickets.AsNoTracking().Where(t => EF.Parameter(ids).Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var rows = page.Where(hit => tickets.ContainsKey(hit.Id)).Select(hit => (Ticket: tickets[hit.Id], hit.Rank)).ToList();

        var next = rows.Count > pageSize ? TicketCursor.After(TicketSort.Relevance, rows[pageSize - 1].Ticket, rows[pageSize - 1].Rank) : (TicketCursor?)null;
        return ([.. rows.Take(pageSize).Select(row => row.Ticket)], next);
    }
}
