namespace TicketTriage.Core.Sla;

/// <summary>The response and resolution targets of one priority, counted in the working time of the calendar.</summary>
public sealed record SlaPolicy(TimeSpan Response, TimeSpan Resolution, BusinessCalendar Calendar);
