namespace TicketTriage.Core.Tickets;

/// <summary>How a ticket was resolved; required, with notes, to resolve it.</summary>
public enum ResolutionCode
{
    Fixed,
    Workaround,
    NotReproducible,
    Duplicate,
    UserError,
}
