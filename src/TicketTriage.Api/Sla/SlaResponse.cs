namespace TicketTriage.Api.Sla;

/// <summary>A ticket's response and resolution clocks.</summary>
public sealed record SlaResponse(SlaClockResponse Response, SlaClockResponse Resolution);
