using TicketTriage.Core.Tickets;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>
/// A ticket as the service would hold it after its life so far, with the id the database gives it
/// and its "created" history entry (made by the service's own code, before the ticket had an id).
/// </summary>
internal sealed record GeneratedTicket(long Id, Ticket Ticket, TicketEvent? Created);
