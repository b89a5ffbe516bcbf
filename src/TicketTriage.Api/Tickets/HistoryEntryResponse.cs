using System.Text.Json;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

/// <summary>
/// One history entry. <c>type</c> is created, fieldChanged, statusChanged, noteAdded or autoClosed;
/// changes carry field, oldValue and newValue; created carries the ticket as opened with its triage.
/// </summary>
public sealed record HistoryEntryResponse(
    long Id,
    string Type,
    DateTimeOffset At,
    string Actor,
    string? Field,
    string? OldValue,
    string? NewValue,
    string? Reason,
    string? Note,
    JsonElement? Ticket)
{
    internal static HistoryEntryResponse From(TicketEvent entry) => new(
        entry.Id,
        entry.Type,
        entry.At,
        entry.Actor,
        entry.Field,
        entry.OldValue,
        entry.NewValue,
        entry.Reason,
        entry.Type == TicketEventType.NoteAdded ? entry.Details : null,
        TicketHistory.Details(entry));
}
