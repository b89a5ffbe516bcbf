namespace TicketTriage.Api.Sla;

/// <summary>
/// <c>Sla:Policies:P1:Response</c>/<c>:Resolution</c>/<c>:Calendar</c> for P1-P4, calendars under
/// <c>Sla:Calendars:&lt;name&gt;</c>, <c>Sla:WarningAt</c> and <c>Sla:ScanInterval</c>. Durations are
/// working time on the policy's calendar: "1.00:00:00" on business hours is three 8-hour days.
/// </summary>
internal sealed class SlaOptions
{
    public const string SectionName = "Sla";

    public Dictionary<string, SlaPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["P1"] = new() { Response = TimeSpan.FromMinutes(15), Resolution = TimeSpan.FromHours(4), Calendar = "24x7" },
        ["P2"] = new() { Response = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(8), Calendar = "24x7" },
        ["P3"] = new() { Response = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(24), Calendar = "business-hours" },
        ["P4"] = new() { Response = TimeSpan.FromHours(8), Resolution = TimeSpan.FromHours(40), Calendar = "business-hours" },
    };

    public Dictionary<string, CalendarOptions> Calendars { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["business-hours"] = new(),
    };

    /// <summary>The share of a target at which the warning fires.</summary>
    public double WarningAt { get; set; } = 0.75;

    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(15);

    public bool MonitorEnabled { get; set; } = true;
}
