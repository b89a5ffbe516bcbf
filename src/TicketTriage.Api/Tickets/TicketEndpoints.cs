using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Sla;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

internal static class TicketEndpoints
{
    public const int DefaultPageSize = 50;
    public const string MergePatchContentType = "application/merge-patch+json";

    /// <summary>How many times a write that met a concurrent writer is tried on the ticket as it then is.</summary>
    internal const int SaveAttempts = 3;

    /// <summary>What became of saving a change to a ticket: a write that meets another writer is tried again, a few times.</summary>
    internal enum SaveOutcome
    {
        Saved,
        TryAgain,
        Conflict,
    }

    /// <summary>Saves; when another writer saved first, clears the context for the next try, until the last attempt.</summary>
    internal static async Task<SaveOutcome> SaveAsync(TriageDbContext db, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException) when (attempt < SaveAttempts)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.TryAgain;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
    }

    public static RouteGroupBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/tickets").WithTags("Tickets");

        tickets.MapPost("/", CreateTicketAsync)
            .RequireAuthorization(Policies.Ingest)
            .RequireRateLimiting(AuthServiceCollectionExtensions.WritesRateLimit)
            .WithName("CreateTicket")
            .WithSummary("Triage an incident and store it as a ticket")
            .Accepts<CreateTicketRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        tickets.MapGet("/{id:long}", GetTicketAsync)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetTicket")
            .WithSummary("Get one ticket by id; the ETag header carries its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        tickets.MapPatch("/{id:long}", UpdateTicketAsync)
            .RequireAuthorization(Policies.Agent)
            .RequireRateLimiting(AuthServiceCollectionExtensions.WritesRateLimit)
            .WithName("UpdateTicket")
            .WithSummary("Change a ticket with a JSON merge patch: fields, assignment, status moves with their reasons")
            .Accepts<UpdateTicketRequest>(MergePatchContentType, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        tickets.MapGet("/", ListTicketsAsync)
            .RequireAuthorization(Policies.Reader)
            .WithName("ListTickets")
            .WithSummary("List tickets newest first, filtered, one keyset page at a time");

        tickets.MapTicketWorkEndpoints();
        return tickets;
    }

    private static async Task<Created<TicketResponse>> CreateTicketAsync(
        CreateTicketRequest request,
        [AsParameters] TicketWriteServices services,
        TicketIntake intake,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (engine, metrics, _, _, sla, time) = services;
        var actor = CurrentActor.Of(context.User);
        var triage = metrics.Triage(engine, request.Title, request.Description, request.Impact!.Value, request.Urgency!.Value);
        var ticket = Ticket.Open(request.Title!, request.Description, request.Caller, triage, StoredInstant.Now(time), actor);

        await intake.StoreAsync(ticket, actor, cancellationToken);
        metrics.TicketCreated(ticket);

        TicketETag.Write(context.Response, ticket);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Id.ToString(CultureInfo.InvariantCulture)}", TicketResponse.From(ticket, sla));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetTicketAsync(
        long id,
        TriageDbContext db,
        SlaEvaluator sla,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return TicketNotFound(id);
        }

        TicketETag.Write(response, ticket);
        return TypedResults.Ok(TicketResponse.From(ticket, sla));
    }

    private static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> UpdateTicketAsync(
        long id,
        JsonElement body,
        [AsParameters] TicketWriteServices services,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (engine, metrics, db, _, sla, time) = services;
        var errors = new Dictionary<string, string[]>();
        var update = TicketPatch.Parse(body, engine, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: Problems.Validation, title: "The patch is not valid");
        }

        // A save that meets another writer is tried again on the ticket as it now is. With If-Match the new read
        // tells whether that write made the caller's version stale (412); without it, or when only the SLA scan
        // recorded a crossing (which keeps the version), the change applies to the current ticket.
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (ticket is null)
            {
                return TicketNotFound(id);
            }

            if (!TicketETag.Matches(context.Request, ticket))
            {
                return StaleVersion(ticket);
            }

            var now = StoredInstant.Now(time);
            var (changes, error) = ticket.Update(update, engine.Matrix, now);
            switch (error)
            {
                case UpdateError.MoveNotAllowed move:
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        type: Problems.TransitionNotAllowed,
                        title: "The ticket cannot move to that status",
                        detail: move.Allowed.Count == 0
                            ? $"The ticket is {move.From}, from which it cannot move."
                            : $"The ticket is {move.From}; from there it can move to {string.Join(", ", move.Allowed)}, not to {move.To}.",
                        extensions: new Dictionary<string, object?> { ["currentStatus"] = move.From.ToString(), ["allowedStatuses"] = move.Allowed.Select(s => s.ToString()).ToArray() });
                case UpdateError.TicketIsFinal final:
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        type: Problems.TicketClosed,
                        title: "The ticket can no longer be changed",
                        detail: $"The ticket is {final.Status}; a {final.Status} ticket is final. Open a new ticket instead.",
                        extensions: new Dictionary<string, object?> { ["currentStatus"] = final.Status.ToString(), ["allowedStatuses"] = Array.Empty<string>() });
                case UpdateError.MissingOrUnexpectedField field:
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { [field.Field] = [field.Message] },
                        type: Problems.Validation,
                        title: "The patch is not valid");
            }

            db.TicketEvents.AddRange(TicketEvent.Changed(ticket, changes, CurrentActor.Of(context.User), now));
            switch (await SaveAsync(db, attempt, cancellationToken))
            {
                case SaveOutcome.TryAgain:
                    continue;
                case SaveOutcome.Conflict:
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status412PreconditionFailed,
                        type: Problems.EditConflict,
                        title: "The ticket changed while this update was applied",
                        detail: "Others kept changing the ticket at the same moment; nothing was changed. GET it again, then send your change with the new ETag in If-Match.");
            }

            metrics.StatusMoved(changes);

            TicketETag.Write(context.Response, ticket);
            return TypedResults.Ok(TicketResponse.From(ticket, sla));
        }
    }

    private static async Task<Results<Ok<TicketPage>, ValidationProblem>> ListTicketsAsync(
        [AsParameters] TicketFilterParameters filters,
        [FromQuery, Description("-createdAt (newest first; the default without q), createdAt, priority (P1 first, newest first within) or relevance (best match first; the default with q).")] string? sort,
        [FromQuery, Description("Tickets per page, 1-500 (default 50).")] string? limit,
        [FromQuery, Description("The nextCursor of the previous page, unchanged, with the same filters and sort.")] string? cursor,
        TriageDbContext db,
        SlaEvaluator sla,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = TicketFilter.Parse(filters, time.GetUtcNow(), errors);
        var order = ParseSort(sort, filter, errors);
        var pageSize = PageLimit.Parse(limit, DefaultPageSize, errors);

        TicketCursor? after = null;
        if (cursor is not null)
        {
            if (!TicketCursor.TryDecode(cursor, out var decoded))
            {
                errors["cursor"] = ["cursor is not one this API issued; pass the nextCursor of the previous page unchanged."];
            }
            else if (decoded.Sort != order && !errors.ContainsKey("sort"))
            {
                errors["cursor"] = ["cursor belongs to a list in another order; send the same sort as for the previous page."];
            }

            after = decoded;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: Problems.Validation, title: "The query string is not valid");
        }

        return TypedResults.Ok(await TicketListQuery.RunAsync(filter, order, after, pageSize, db, sla, cancellationToken));
    }

    private static TicketSort ParseSort(string? sort, TicketFilter filter, Dictionary<string, string[]> errors)
    {
        var order = sort switch
        {
            null or "" => filter.Search is null ? TicketSort.Newest : TicketSort.Relevance,
            "-createdAt" => TicketSort.Newest,
            "createdAt" => TicketSort.Oldest,
            "priority" => TicketSort.Priority,
            "relevance" => TicketSort.Relevance,
            _ => (TicketSort?)null,
        };
        if (order is null)
        {
            errors["sort"] = [$"Unknown sort '{sort}'; use -createdAt, createdAt, priority or relevance."];
            return TicketSort.Newest;
        }

        if (order == TicketSort.Relevance && filter.Search is null)
        {
            errors["sort"] = ["sort=relevance ranks by a full-text query; give q too."];
        }

        return order.Value;
    }

    internal static ProblemHttpResult TicketNotFound(long id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: Problems.NotFound,
        title: "Ticket not found",
        detail: $"No ticket has id {id.ToString(CultureInfo.InvariantCulture)}.");

    private static ProblemHttpResult StaleVersion(Ticket ticket) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        type: Problems.PreconditionFailed,
        title: "The ticket has changed since you read it",
        detail: $"If-Match does not name the ticket's current version {TicketETag.Of(ticket)}. GET the ticket again, check the changes, and retry with its ETag.",
        extensions: new Dictionary<string, object?> { ["currentETag"] = TicketETag.Of(ticket) });
}
