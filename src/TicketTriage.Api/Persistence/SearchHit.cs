namespace TicketTriage.Api.Persistence;

/// <summary>A ticket that matches a full-text query, with its bm25 rank (lower is more relevant).</summary>
internal sealed record SearchHit(long Id, double Rank);
