namespace TicketTriage.Api.Tickets;

/// <summary>The orders a ticket list can come in; each has its own keyset so paging never repeats or skips.</summary>
internal enum TicketSort
{
    /// <summary>-createdAt: newest first (the default without q).</summary>
    Newest = 1,

    /// <summary>createdAt: oldest first.</summary>
    Oldest = 2,

    /// <summary>priority: P1 first, newest first within a priority.</summary>
    Priority = 3,

    /// <summary>relevance: best full-text match first (the default with q); needs q.</summary>
    Relevance = 4,
}
