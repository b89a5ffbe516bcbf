namespace TicketTriage.Api.Persistence;

/// <summary>A ticket that matches a full-text query, with its rank (lower is more relevant: bm25 on SQLite, negated ts_rank on PostgreSQL).</summary>
/// <remarks>Init properties rather than a constructor: EF can then filter and sort on a projection into it.</remarks>
internal sealed record SearchHit
{
    public long Id { get; init; }

    public double Rank { get; init; }
}
