namespace TicketTriage.Api.Reports;

/// <summary>
/// How the SLA clocks of the tickets turned out within the window: each clock counts once, as met when it stopped
/// within its target (counted at the stop) or as breached when it reached its target (counted at that instant).
/// Clocks still running within their targets are not counted yet; cancelled tickets are left out.
/// </summary>
public sealed record SlaCompliance(ClockCompliance Response, ClockCompliance Resolution);

/// <summary>One clock's outcomes in total, by priority and by assignment group.</summary>
public sealed record ClockCompliance(int Met, int Breached, double? Percentage, IReadOnlyList<ComplianceCount> ByPriority, IReadOnlyList<ComplianceCount> ByGroup);

/// <summary>Met and breached clocks for one priority or group; the percentage met (one decimal), null when none counts.</summary>
public sealed record ComplianceCount(string Key, int Met, int Breached, double? Percentage)
{
    public static double? PercentMet(int met, int breached) =>
        met + breached == 0 ? null : Math.Round(met * 100.0 / (met + breached), 1, MidpointRounding.AwayFromZero);
}
