using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.Auth;

/// <summary>Request limits: writes per user or token, failed sign-ins per client address.</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sustained writes a second for one user or token; generous for a monitoring tool's bursts.</summary>
    [Range(1, 100_000)]
    public int WritesPerSecond { get; set; } = 500;

    /// <summary>Writes one user or token may send at once before the sustained rate applies.</summary>
    [Range(1, 1_000_000)]
    public int WriteBurst { get; set; } = 2_000;

    /// <summary>Failed sign-ins a minute from one address before it must wait.</summary>
    [Range(1, 10_000)]
    public int SignInsPerMinute { get; set; } = 10;
}
