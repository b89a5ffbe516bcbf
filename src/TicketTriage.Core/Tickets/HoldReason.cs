namespace TicketTriage.Core.Tickets;

/// <summary>Why a ticket is waiting; required to put it On Hold.</summary>
public enum HoldReason
{
    AwaitingCaller,
    AwaitingVendor,
    AwaitingChange,
}
