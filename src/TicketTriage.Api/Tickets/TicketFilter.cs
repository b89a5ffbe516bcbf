using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;
using TicketTriage.Core.Search;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tickets;

/// <summary>Validated ticket filters, applied in SQL.</summary>
internal sealed record TicketFilter
{
    private const int KeywordMaxLength = 200;

    private TicketFilter()
    {
    }

    public IReadOnlyList<Priority> Priorities { get; private init; } = [];

    public IReadOnlyList<string> Groups { get; private init; } = [];

    public IReadOnlyList<TicketStatus> Statuses { get; private init; } = [];

    /// <summary>The full-text query from <c>q</c>, when one was given.</summary>
    public SearchQuery? Search { get; private init; }

    public IReadOnlyList<string> Assignees { get; private init; } = [];

    public bool? Open { get; private init; }

    public DateTimeOffset? CreatedFrom { get; private init; }

    public DateTimeOffset? CreatedTo { get; private init; }

    public DateTimeOffset? UpdatedFrom { get; private init; }

    public DateTimeOffset? UpdatedTo { get; private init; }

    public IReadOnlyList<SlaStateFilter> SlaStates { get; private init; } = [];

    /// <summary>The instant the SLA states are judged at: when the request arrived.</summary>
    public DateTimeOffset AsOf { get; private init; }

    /// <summary>
    /// The only statuses a ticket can have in the SLA states asked for, or null when any can (a breach stays with a
    /// ticket to the end). A clock runs only while its ticket is open: the response clock until the first move out
    /// of New or the first note, the resolution clock until Resolved or Cancelled, paused On Hold. So a list of the
    /// tickets at risk or paused seeks the open statuses' indexes instead of walking every ticket.
    /// </summary>
    private IReadOnlyList<TicketStatus>? SlaStatuses =>
        SlaStates.Count == 0 || SlaStates.Contains(SlaStateFilter.Breached)
            ? null
            : [.. SlaStates.SelectMany(state => state == SlaStateFilter.Paused ? [TicketStatus.OnHold] : new[] { TicketStatus.New, TicketStatus.InProgress }).Distinct()];

    /// <summary>True when anything but the full-text query narrows the list.</summary>
    public bool HasFieldFilters =>
        Priorities.Count > 0 || Groups.Count > 0 || Statuses.Count > 0 || Assignees.Count > 0
        || Open is not null || CreatedFrom is not null || CreatedTo is not null || UpdatedFrom is not null || UpdatedTo is not null
        || SlaStates.Count > 0;


    /// <summary>
    /// This filter once for each status it lets through, when <c>status</c> and <c>open</c> together let several
    /// through; null when one query serves. Each part is one seek, newest or oldest first, on its status's index;
    /// all of them as one IN made the databases read every matching ticket and sort them (the open tickets of a
    /// million: 56,461 rows for a page of 50). A full-text query is split only when its pages walk the sort's
    /// index (<paramref name="walkSortIndex"/>): as one query, SQLite read and sorted every match among the
    /// statuses (0.23 s for a common word among the New and Closed tickets, 20 ms split); joined to its
    /// matches, one query serves, and PostgreSQL plans one better than three.
    /// </summary>
    public IReadOnlyList<TicketFilter>? SplitByStatus(bool walkSortIndex)
    {
        if (Statuses.Count == 0 && Open is null && SlaStatuses is null)
        {
            return null;
        }

        IEnumerable<TicketStatus> admitted = Statuses.Count > 0 ? Statuses : Enum.GetValues<TicketStatus>();
        if (Open is { } open)
        {
            admitted = admitted.Where(status => Lifecycle.OpenStatuses.Contains(status) == open);
        }

        if (SlaStatuses is { } slaStatuses)
        {
            admitted = admitted.Where(slaStatuses.Contains);
        }

        var statuses = admitted.Distinct().ToList();
        return (Search is null || walkSortIndex) && statuses.Count > 1 ? statuses.ConvertAll(status => this with { Statuses = [status], Open = null }) : null;
    }

    /// <summary>
    /// Parses the query string, naming every parameter with a value that is not allowed; SLA states are judged as of
    /// <paramref name="now"/>.
    /// </summary>
    public static TicketFilter Parse(TicketFilterParameters parameters, DateTimeOffset now, IDictionary<string, string[]> errors)
    {
        var priorities = ParseEnum<Priority>(parameters.Priority, "priority", "P1, P2, P3, P4", errors);
        var statuses = ParseEnum<TicketStatus>(parameters.Status, "status", string.Join(", ", Enum.GetNames<TicketStatus>()), errors);
        var slaStates = ParseEnum<SlaStateFilter>(parameters.SlaState, "slaState", "breached, atRisk, paused", errors);
        var groups = Values(parameters.Group).ToArray();

        SearchQuery? search = null;

        // A repeated q would bind as its values joined by commas, a search for them as one phrase.
        var keywords = parameters.Q is [var single] ? single : null;
        if (parameters.Q is { Length: > 1 })
        {
            errors["q"] = ["q is given more than once; put every word in one q (words AND together, OR between groups)."];
        }
        else if (keywords is { Length: > KeywordMaxLength })
        {
            errors["q"] = [$"q must be at most {KeywordMaxLength} characters long."];
        }
        else if (!string.IsNullOrWhiteSpace(keywords))
        {
            (search, var problem) = SearchQuery.Parse(keywords);
            if (problem is not null)
            {
                errors["q"] = [problem];
            }
        }

        bool? open = null;
        if (parameters.Open is not null)
        {
            if (bool.TryParse(parameters.Open, out var parsed))
            {
                open = parsed;
            }
            else
            {
                errors["open"] = ["open must be true or false."];
            }
        }

        var createdFrom = Instant.Parse(parameters.CreatedFrom, "createdFrom", errors);
        var createdTo = Instant.Parse(parameters.CreatedTo, "createdTo", errors);
        var updatedFrom = Instant.Parse(parameters.UpdatedFrom, "updatedFrom", errors);
        var updatedTo = Instant.Parse(parameters.UpdatedTo, "updatedTo", errors);
        Instant.CheckOrder(createdFrom, createdTo, "createdFrom", "createdTo", errors);
        Instant.CheckOrder(updatedFrom, updatedTo, "updatedFrom", "updatedTo", errors);

        return new TicketFilter
        {
            Priorities = priorities,
            Statuses = statuses,
            Groups = groups,
            Search = search,
            Assignees = Values(parameters.Assignee).ToArray(),
            Open = open,
            CreatedFrom = createdFrom,
            CreatedTo = createdTo,
            UpdatedFrom = updatedFrom,
            UpdatedTo = updatedTo,
            SlaStates = slaStates,
            AsOf = now,
        };
    }

    /// <summary>
    /// The matching tickets, unordered; a full-text query joins its index so it is not re-run per row, or, with
    /// <paramref name="walkSortIndex"/>, tests each ticket against its matches (see <see cref="TriageDbContext.Matching"/>).
    /// </summary>
    public IQueryable<Ticket> Apply(TriageDbContext db, bool walkSortIndex = false)
    {
        var tickets = ApplyFields(db.Tickets.AsNoTracking());
        return Search is null ? tickets : db.Matching(tickets, Search, walkSortIndex);
    }

    /// <summary>The field filters alone, for callers that join the search themselves to rank by it.</summary>
    public IQueryable<Ticket> ApplyFields(IQueryable<Ticket> tickets)
    {
        // One value is compared with "=", not "IN": EF caches the SQL of a query whose parameters are all
        // single values, while a list parameter makes it write the SQL again on every request.
        if (Priorities is [var priority])
        {
            tickets = tickets.Where(ticket => ticket.Priority == priority);
        }
        else if (Priorities.Count > 0)
        {
            tickets = tickets.Where(ticket => Priorities.Contains(ticket.Priority));
        }

        if (Groups is [var group])
        {
            tickets = tickets.Where(ticket => ticket.AssignmentGroup == group);
        }
        else if (Groups.Count > 0)
        {
            tickets = tickets.Where(ticket => Groups.Contains(ticket.AssignmentGroup));
        }

        tickets = InStatuses(tickets, Statuses);

        if (Assignees is [var assignee])
        {
            tickets = tickets.Where(ticket => ticket.Assignee == assignee);
        }
        else if (Assignees.Count > 0)
        {
            tickets = tickets.Where(ticket => Assignees.Contains(ticket.Assignee!));
        }

        if (Open is { } open)
        {
            var openStatuses = Lifecycle.OpenStatuses;
            tickets = open
                ? tickets.Where(ticket => openStatuses.Contains(ticket.Status))
                : tickets.Where(ticket => !openStatuses.Contains(ticket.Status));
        }

        if (CreatedFrom is { } createdFrom)
        {
            tickets = tickets.Where(ticket => ticket.CreatedAt >= createdFrom);
        }

        if (CreatedTo is { } createdTo)
        {
            tickets = tickets.Where(ticket => ticket.CreatedAt < createdTo);
        }

        if (UpdatedFrom is { } updatedFrom)
        {
            tickets = tickets.Where(ticket => ticket.UpdatedAt >= updatedFrom);
        }

        if (UpdatedTo is { } updatedTo)
        {
            tickets = tickets.Where(ticket => ticket.UpdatedAt < updatedTo);
        }

        return SlaStates.Count > 0 ? InSlaStates(tickets) : tickets;
    }

    /// <summary>
    /// The tickets with a clock in one of <see cref="SlaStates"/> as of <see cref="AsOf"/>, judged in SQL from the
    /// thresholds the SLA scan has recorded and the instants it is scheduled to act on (the schedule is rewritten on
    /// every save, so it follows holds, reopens and priority changes): a clock has breached once its breach is
    /// recorded or due; it is at risk once its warning is recorded or due, while it still runs and has not breached.
    /// Only the resolution clock pauses, and only On Hold. The states a list does not ask for are SQL constants, so
    /// the database drops their terms.
    /// </summary>
    private IQueryable<Ticket> InSlaStates(IQueryable<Ticket> tickets)
    {
        var now = AsOf;
        var breached = SlaStates.Contains(SlaStateFilter.Breached);
        var atRisk = SlaStates.Contains(SlaStateFilter.AtRisk);
        var paused = SlaStates.Contains(SlaStateFilter.Paused);
        return InStatuses(tickets, SlaStatuses ?? []).Where(t =>
            (EF.Constant(breached)
                && (t.ResponseBreachedAt != null || t.ResponseBreachDueAt <= now || t.ResolutionBreachedAt != null || t.ResolutionBreachDueAt <= now))
            || (EF.Constant(atRisk)
                && ((t.RespondedAt == null
                        && t.ResponseBreachedAt == null && (t.ResponseBreachDueAt == null || t.ResponseBreachDueAt > now)
                        && (t.ResponseWarnedAt != null || t.ResponseWarningDueAt <= now))
                    || (t.ResolvedAt == null && t.CancelledAt == null && t.Status != TicketStatus.OnHold
                        && t.ResolutionBreachedAt == null && (t.ResolutionBreachDueAt == null || t.ResolutionBreachDueAt > now)
                        && (t.ResolutionWarnedAt != null || t.ResolutionWarningDueAt <= now))))
            || (EF.Constant(paused)
                && t.Status == TicketStatus.OnHold
                && t.ResolutionBreachedAt == null && (t.ResolutionBreachDueAt == null || t.ResolutionBreachDueAt > now)));
    }

    /// <summary>No filter for no statuses; one is compared with "=", for the reason given in <see cref="ApplyFields"/>.</summary>
    private static IQueryable<Ticket> InStatuses(IQueryable<Ticket> tickets, IReadOnlyList<TicketStatus> statuses) => statuses switch
    {
        [] => tickets,
        [var status] => tickets.Where(ticket => ticket.Status == status),
        _ => tickets.Where(ticket => statuses.Contains(ticket.Status)),
    };

    private static List<T> ParseEnum<T>(string[]? raw, string name, string allowed, IDictionary<string, string[]> errors)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        var invalid = new List<string>();
        foreach (var value in Values(raw))
        {
            if (EnumNames.TryParse<T>(value, out var item))
            {
                parsed.Add(item);
            }
            else
            {
                invalid.Add(value);
            }
        }

        if (invalid.Count > 0)
        {
            errors[name] = [$"Unknown {name} {string.Join(", ", invalid.Select(value => $"'{value}'"))}; use {allowed}."];
        }

        return parsed;
    }

    private static IEnumerable<string> Values(string[]? raw) =>
        (raw ?? []).SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.OrdinalIgnoreCase);
}
