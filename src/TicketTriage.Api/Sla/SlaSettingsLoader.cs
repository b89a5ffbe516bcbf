using Microsoft.Extensions.Options;
using TicketTriage.Core.Sla;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Sla;

/// <summary>Builds and validates the SLA settings at start-up (with ValidateOnStart), naming every problem.</summary>
internal sealed class SlaSettingsLoader(IOptions<SlaOptions> options) : IConfigureOptions<SlaSettings>, IValidateOptions<SlaSettings>
{
    public void Configure(SlaSettings settings)
    {
        var sla = options.Value;
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase)
        {
            [BusinessCalendar.AlwaysOpenName] = BusinessCalendar.AlwaysOpen,
        };
        foreach (var (name, calendar) in sla.Calendars)
        {
            var (built, errors) = BusinessCalendar.Create(name, calendar.TimeZone, calendar.WorkingDays, calendar.Start, calendar.End, calendar.Holidays);
            settings.Errors.AddRange(errors.Select(error => $"Sla:Calendars:{name}: {error}"));
            if (built is not null)
            {
                calendars[name] = built;
            }
        }

        foreach (var priority in Enum.GetValues<Priority>())
        {
            var key = $"Sla:Policies:{priority}";
            if (!sla.Policies.TryGetValue(priority.ToString(), out var policy))
            {
                settings.Errors.Add($"{key} is missing: every priority needs a response and a resolution target.");
                continue;
            }

            if (policy.Response <= TimeSpan.Zero || policy.Resolution <= TimeSpan.Zero)
            {
                settings.Errors.Add($"{key}: Response and Resolution must be positive durations such as 00:15:00 or 1.00:00:00.");
                continue;
            }

            if (!calendars.TryGetValue(policy.Calendar, out var calendar))
            {
                settings.Errors.Add($"{key}:Calendar '{policy.Calendar}' is neither 24x7 nor a calendar under Sla:Calendars.");
                continue;
            }

            settings.Policies[priority] = new SlaPolicy(policy.Response, policy.Resolution, calendar);
        }

        foreach (var unknown in sla.Policies.Keys.Where(key => !Enum.TryParse<Priority>(key, ignoreCase: true, out _)))
        {
            settings.Errors.Add($"Sla:Policies:{unknown} is not a priority; use P1, P2, P3 and P4.");
        }

        if (sla.WarningAt is <= 0 or >= 1)
        {
            settings.Errors.Add($"Sla:WarningAt must be a share between 0 and 1 (such as 0.75), not {sla.WarningAt}.");
        }

        if (sla.ScanInterval < TimeSpan.FromMilliseconds(10) || sla.ScanInterval > TimeSpan.FromHours(1))
        {
            settings.Errors.Add("Sla:ScanInterval must be between 00:00:00.010 and 01:00:00.");
        }

        settings.WarningShare = sla.WarningAt;
    }

    public ValidateOptionsResult Validate(string? name, SlaSettings settings) =>
        settings.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(settings.Errors);
}
