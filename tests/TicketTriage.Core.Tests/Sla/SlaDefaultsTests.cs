using TicketTriage.Core.Sla;
using TicketTriage.Core.Triage;
using static TicketTriage.Core.Tests.SlaTimes;

namespace TicketTriage.Core.Tests;

public sealed class SlaDefaultsTests
{
    public static TheoryData<Priority, TimeSpan, TimeSpan, string> Policies => new()
    {
        { Priority.P1, TimeSpan.FromMinutes(15), TimeSpan.FromHours(4), BusinessCalendar.AlwaysOpenName },
        { Priority.P2, TimeSpan.FromHours(1), TimeSpan.FromHours(8), BusinessCalendar.AlwaysOpenName },
        { Priority.P3, TimeSpan.FromHours(4), TimeSpan.FromHours(24), SlaDefaults.BusinessHoursName },
        { Priority.P4, TimeSpan.FromHours(8), TimeSpan.FromHours(40), SlaDefaults.BusinessHoursName },
    };

    /// <summary>Each default, started Monday 2026-03-02 09:00 UTC with nothing on hold.</summary>
    public static TheoryData<Priority, string, string> DueInstants => new()
    {
        { Priority.P1, "2026-03-02T09:15Z", "2026-03-02T13:00Z" },
        { Priority.P2, "2026-03-02T10:00Z", "2026-03-02T17:00Z" },
        { Priority.P3, "2026-03-02T13:00Z", "2026-03-04T17:00Z" },
        { Priority.P4, "2026-03-02T17:00Z", "2026-03-06T17:00Z" },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Policies_EachPriority_HasTheShippedTargetsAndCalendar(Priority priority, TimeSpan response, TimeSpan resolution, string calendar)
    {
        var policy = SlaDefaults.Policies(SlaDefaults.BusinessHours)[priority];

        Assert.Equal((response, resolution, calendar), (policy.Response, policy.Resolution, policy.Calendar.Name));
    }

    [Theory]
    [MemberData(nameof(DueInstants))]
    public void Measure_DefaultPolicyFromMondayOpening_IsDueAtTheShippedInstants(Priority priority, string responseDue, string resolutionDue)
    {
        var policy = SlaDefaults.Policies(SlaDefaults.BusinessHours)[priority];
        var start = At("2026-03-02T09:00Z");

        var response = SlaClock.Measure(policy.Response, policy.Calendar, start, null, [], start);
        var resolution = SlaClock.Measure(policy.Resolution, policy.Calendar, start, null, [], start);

        Assert.Equal((At(responseDue), At(resolutionDue)), (response.DueAt!.Value, resolution.DueAt!.Value));
    }

    [Fact]
    public void Policies_GivenBusinessCalendar_UsesItForP3AndP4Only()
    {
        var london = SlaCalendars.Get(SlaCalendars.London);

        var policies = SlaDefaults.Policies(london);

        Assert.Equal(
            [BusinessCalendar.AlwaysOpen, BusinessCalendar.AlwaysOpen, london, london],
            new[] { Priority.P1, Priority.P2, Priority.P3, Priority.P4 }.Select(priority => policies[priority].Calendar));
    }

    [Fact]
    public void WarningShare_IsThreeQuarters()
    {
        Assert.Equal(0.75, SlaDefaults.WarningShare);
    }
}
