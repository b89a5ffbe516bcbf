namespace TicketTriage.Core.Tickets;

/// <summary>Who history names when no person acted.</summary>
public static class Actors
{
    /// <summary>Requests made without an identity (until authentication exists).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The service itself, such as the automatic close of resolved tickets.</summary>
    public const string System = "system";
}
