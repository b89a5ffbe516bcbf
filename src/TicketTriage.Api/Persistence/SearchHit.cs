namespace TicketTriage.Api.Persistence;

/// <summary>A ticket that matches a full-text query, with its rank (lower is more relevant: bm25 on SQLite, negated ts_rank on PostgreSQL).</summary>
internal sealed record SearchHit(long Id, double Rank);
