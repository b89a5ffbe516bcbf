using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

/// <summary>Work on a ticket that is not a change of its fields: notes and the history.</summary>
internal static class TicketWorkEndpoints
{
    public static RouteGroupBuilder MapTicketWorkEndpoints(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id:long}/notes", AddNoteAsync)
            .RequireAuthorization(Policies.Agent)
            .RequireRateLimiting(AuthServiceCollectionExtensions.WritesRateLimit)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddTicketNote")
            .WithSummary("Add a work note (internal or public); the first note counts as the response")
            .Accepts<AddNoteRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        tickets.MapGet("/{id:long}/notes", ListNotesAsync)
            .RequireAuthorization(Policies.Reader)
            .WithName("ListTicketNotes")
            .WithSummary("List a ticket's notes, oldest first, a page at a time")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        tickets.MapGet("/{id:long}/notes/{noteId:long}", GetNoteAsync)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetTicketNote")
            .WithSummary("One note of a ticket")
            .ProducesProblem(StatusCodes.Status404NotFound);

        tickets.MapGet("/{id:long}/history", GetHistoryAsync)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetTicketHistory")
            .WithSummary("Every change to a ticket, in order, a page at a time; history is append-only")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return tickets;
    }

    private static async Task<Results<Created<NoteResponse>, ProblemHttpResult>> AddNoteAsync(
        long id,
        AddNoteRequest request,
        TriageDbContext db,
        TimeProvider time,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        // A note asks for no version: a save that meets another writer is tried again on the ticket as it now is.
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (ticket is null)
            {
                return TicketEndpoints.TicketNotFound(id);
            }

            if (Lifecycle.IsFinal(ticket.Status))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    type: Problems.TicketClosed,
                    title: "The ticket can no longer be changed",
                    detail: $"The ticket is {ticket.Status}, which is final; notes cannot be added. Open a new ticket instead.",
                    extensions: new Dictionary<string, object?> { ["currentStatus"] = ticket.Status.ToString() });
            }

            var now = StoredInstant.Now(time);
            var visibility = string.Equals(request.Visibility, "public", StringComparison.Ordinal) ? NoteVisibility.Public : NoteVisibility.Internal;
            var note = TicketNote.Write(ticket.Id, request.Body!, visibility, CurrentActor.Of(user), now);
            var changes = ticket.AddNote(now);
            db.TicketNotes.Add(note);
            db.TicketEvents.Add(TicketEvent.NoteAdded(ticket, note));
            db.TicketEvents.AddRange(TicketEvent.Changed(ticket, changes, note.Author, now));
            switch (await TicketEndpoints.SaveAsync(db, attempt, cancellationToken))
            {
                case TicketEndpoints.SaveOutcome.TryAgain:
                    continue;
                case TicketEndpoints.SaveOutcome.Conflict:
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        type: Problems.EditConflict,
                        title: "The ticket changed while the note was added",
                        detail: "Others kept changing the ticket at the same moment; the note was not stored. Send it again.");
            }

            return TypedResults.Created(
                $"/api/v1/tickets/{ticket.Id.ToString(CultureInfo.InvariantCulture)}/notes/{note.Id.ToString(CultureInfo.InvariantCulture)}",
                NoteResponse.From(note));
        }
    }

    private static async Task<Results<Ok<NoteList>, ValidationProblem, ProblemHttpResult>> ListNotesAsync(
        long id,
        [FromQuery, Description("Notes per page, 1-500 (default 100).")] string? limit,
        [FromQuery, Description("The nextCursor of the previous page, unchanged.")] string? cursor,
        TriageDbContext db,
        CancellationToken cancellationToken)
    {
        var page = EntryPage.Parse(limit, cursor);
        if (!page.IsValid)
        {
            return page.Problem();
        }

        if (!await db.Tickets.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return TicketEndpoints.TicketNotFound(id);
        }

        var notes = await db.TicketNotes.AsNoTracking()
            .Where(note => note.TicketId == id && note.Id > page.After)
            .OrderBy(note => note.Id)
            .Take(page.Size + 1)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new NoteList([.. notes.Take(page.Size).Select(NoteResponse.From)], page.NextCursor(notes, note => note.Id)));
    }

    private static async Task<Results<Ok<NoteResponse>, ProblemHttpResult>> GetNoteAsync(
        long id,
        long noteId,
        TriageDbContext db,
        CancellationToken cancellationToken)
    {
        var note = await db.TicketNotes.AsNoTracking().FirstOrDefaultAsync(note => note.TicketId == id && note.Id == noteId, cancellationToken);
        if (note is not null)
        {
            return TypedResults.Ok(NoteResponse.From(note));
        }

        return await db.Tickets.AnyAsync(t => t.Id == id, cancellationToken)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                type: Problems.NotFound,
                title: "Note not found",
                detail: $"Ticket {id.ToString(CultureInfo.InvariantCulture)} has no note with id {noteId.ToString(CultureInfo.InvariantCulture)}.")
            : TicketEndpoints.TicketNotFound(id);
    }

    private static async Task<Results<Ok<HistoryList>, ValidationProblem, ProblemHttpResult>> GetHistoryAsync(
        long id,
        [FromQuery, Description("History entries per page, 1-500 (default 100).")] string? limit,
        [FromQuery, Description("The nextCursor of the previous page, unchanged.")] string? cursor,
        TriageDbContext db,
        CancellationToken cancellationToken)
    {
        var page = EntryPage.Parse(limit, cursor);
        if (!page.IsValid)
        {
            return page.Problem();
        }

        if (!await db.Tickets.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return TicketEndpoints.TicketNotFound(id);
        }

        var entries = await db.TicketEvents.AsNoTracking()
            .Where(entry => entry.TicketId == id && entry.Id > page.After)
            .OrderBy(entry => entry.Id)
            .Take(page.Size + 1)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new HistoryList([.. entries.Take(page.Size).Select(HistoryEntryResponse.From)], page.NextCursor(entries, entry => entry.Id)));
    }
}
