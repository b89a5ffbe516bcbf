namespace TicketTriage.Api.Sla;

internal sealed class SlaPolicyOptions
{
    public TimeSpan Response { get; set; }

    public TimeSpan Resolution { get; set; }

    /// <summary>"24x7" or the name of a calendar under Sla:Calendars.</summary>
    public string Calendar { get; set; } = "24x7";
}
