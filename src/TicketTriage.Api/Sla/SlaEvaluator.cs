using Microsoft.Extensions.Options;
using TicketTriage.Core.Sla;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Sla;

/// <summary>Measures a ticket's clocks as of now for answers and events.</summary>
internal sealed class SlaEvaluator(IOptions<SlaSettings> settings, TimeProvider time)
{
    public SlaResponse For(Ticket ticket)
    {
        var now = time.GetUtcNow();
        var policy = settings.Value.For(ticket.Priority);
        return new SlaResponse(
            SlaClockResponse.From(TicketSla.Measure(ticket, SlaClockKind.Response, policy, now)),
            SlaClockResponse.From(TicketSla.Measure(ticket, SlaClockKind.Resolution, policy, now)));
    }
}
