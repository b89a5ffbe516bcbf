using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tickets;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Reports;

internal static class ReportEndpoints
{
    private static readonly string[] TicketColumns =
        ["number", "title", "description", "impact", "urgency", "priority", "assignmentGroup", "status", "caller", "createdAt", "updatedAt", "routingRuleId",
            "assignee", "respondedAt", "resolvedAt", "closedAt", "resolutionCode", "reopenCount"];

    public static RouteGroupBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.Reader);

        reports.MapGet("/tickets.csv", ExportTickets)
            .WithName("ExportTicketsCsv")
            .WithSummary("Export the filtered tickets as CSV, newest first, streamed")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        reports.MapGet("/summary.csv", ExportSummaryAsync)
            .WithName("ExportSummaryCsv")
            .WithSummary("Ticket counts by priority, group and status as CSV (dimension,key,count)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        reports.MapGet("/summary", GetSummaryAsync)
            .WithName("GetSummary")
            .WithSummary("Ticket counts in total and by priority, group and status");

        return reports;
    }

    private static Results<PushStreamHttpResult, ValidationProblem> ExportTickets(
        [AsParameters] TicketFilterParameters filters,
        TriageDbContext db,
        TimeProvider time)
    {
        if (!TryParse(filters, time.GetUtcNow(), out var filter, out var invalid))
        {
            return invalid;
        }

        var rows = filter.Apply(db)
            .OrderByDescending(t => t.CreatedAt)
            .ThenByDescending(t => t.Id)
            .AsAsyncEnumerable();

        return TypedResults.Stream(
            async body =>
            {
                await using var csv = CsvFormat.CreateWriter(body);
                CsvFormat.WriteRow(csv, TicketColumns);
                await csv.NextRecordAsync();
                await foreach (var ticket in rows)
                {
                    CsvFormat.WriteRow(
                        csv,
                        ticket.Number,
                        ticket.Title,
                        ticket.Description,
                        ticket.Impact.ToString(CultureInfo.InvariantCulture),
                        ticket.Urgency.ToString(CultureInfo.InvariantCulture),
                        ticket.Priority.ToString(),
                        ticket.AssignmentGroup,
                        ticket.Status.ToString(),
                        ticket.Caller,
                        Timestamp(ticket.CreatedAt),
                        Timestamp(ticket.UpdatedAt),
                        ticket.RoutingRuleId,
                        ticket.Assignee,
                        Timestamp(ticket.RespondedAt),
                        Timestamp(ticket.ResolvedAt),
                        Timestamp(ticket.ClosedAt),
                        ticket.ResolutionCode?.ToString(),
                        ticket.ReopenCount.ToString(CultureInfo.InvariantCulture));
                    await csv.NextRecordAsync();
                }
            },
            CsvFormat.ContentType,
            CsvFormat.FileName("tickets", time));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportSummaryAsync(
        [AsParameters] TicketFilterParameters filters,
        [AsParameters] SummaryWindowParameters window,
        TriageDbContext db,
        TriageEngine engine,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryParse(filters, window, time.GetUtcNow(), out var filter, out var period, out var invalid))
        {
            return invalid;
        }

        var summary = await TicketSummaryQuery.RunAsync(filter, period, db, engine, cancellationToken);
        using var buffer = new MemoryStream();
        await using (var csv = CsvFormat.CreateWriter(buffer))
        {
            CsvFormat.WriteRow(csv, "dimension", "key", "count");
            await csv.NextRecordAsync();
            CsvFormat.WriteRow(csv, "total", "all", summary.Total.ToString(CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
            foreach (var (dimension, counts) in new[] { ("priority", summary.ByPriority), ("group", summary.ByGroup), ("status", summary.ByStatus) })
            {
                foreach (var count in counts)
                {
                    CsvFormat.WriteRow(csv, dimension, count.Key, count.Count.ToString(CultureInfo.InvariantCulture));
                    await csv.NextRecordAsync();
                }
            }

            CsvFormat.WriteRow(csv, "open", "all", summary.Open.Total.ToString(CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
            foreach (var (dimension, counts) in new[] { ("openStatus", summary.Open.ByStatus), ("openGroup", summary.Open.ByGroup) })
            {
                foreach (var count in counts)
                {
                    CsvFormat.WriteRow(csv, dimension, count.Key, count.Count.ToString(CultureInfo.InvariantCulture));
                    await csv.NextRecordAsync();
                }
            }

            // Means go in the count column as whole seconds; a priority with no ticket in the window has none.
            foreach (var (dimension, means) in new[] { ("meanSecondsToRespond", summary.MeanTimeToRespond), ("meanSecondsToResolve", summary.MeanTimeToResolve) })
            {
                foreach (var mean in means)
                {
                    CsvFormat.WriteRow(csv, dimension, mean.Priority, mean.MeanSeconds?.ToString(CultureInfo.InvariantCulture));
                    await csv.NextRecordAsync();
                }
            }

            // SLA compliance: dimensions sla{Clock}{Met|Breached|Percentage}, with ByPriority and ByGroup beside the
            // totals (key "all"); a percentage is empty where no clock counts.
            foreach (var (clock, compliance) in new[] { ("Response", summary.SlaCompliance.Response), ("Resolution", summary.SlaCompliance.Resolution) })
            {
                IReadOnlyList<ComplianceCount> all = [new("all", compliance.Met, compliance.Breached, compliance.Percentage)];
                foreach (var (by, counts) in new[] { (string.Empty, all), ("ByPriority", compliance.ByPriority), ("ByGroup", compliance.ByGroup) })
                {
                    foreach (var count in counts)
                    {
                        CsvFormat.WriteRow(csv, $"sla{clock}Met{by}", count.Key, count.Met.ToString(CultureInfo.InvariantCulture));
                        await csv.NextRecordAsync();
                        CsvFormat.WriteRow(csv, $"sla{clock}Breached{by}", count.Key, count.Breached.ToString(CultureInfo.InvariantCulture));
                        await csv.NextRecordAsync();
                        CsvFormat.WriteRow(csv, $"sla{clock}Percentage{by}", count.Key, count.Percentage?.ToString("0.0", CultureInfo.InvariantCulture));
                        await csv.NextRecordAsync();
                    }
                }
            }
        }

        return TypedResults.File(buffer.ToArray(), CsvFormat.ContentType, CsvFormat.FileName("summary", time));
    }

    private static async Task<Results<Ok<TicketSummary>, ValidationProblem>> GetSummaryAsync(
        [AsParameters] TicketFilterParameters filters,
        [AsParameters] SummaryWindowParameters window,
        TriageDbContext db,
        TriageEngine engine,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryParse(filters, window, time.GetUtcNow(), out var filter, out var period, out var invalid))
        {
            return invalid;
        }

        return TypedResults.Ok(await TicketSummaryQuery.RunAsync(filter, period, db, engine, cancellationToken));
    }

    private static bool TryParse(TicketFilterParameters filters, DateTimeOffset now, out TicketFilter filter, out ValidationProblem invalid) =>
        TryParse(filters, null, now, out filter, out _, out invalid);

    private static bool TryParse(
        TicketFilterParameters filters,
        SummaryWindowParameters? window,
        DateTimeOffset now,
        out TicketFilter filter,
        out SummaryWindow period,
        out ValidationProblem invalid)
    {
        var errors = new Dictionary<string, string[]>();
        filter = TicketFilter.Parse(filters, now, errors);
        period = SummaryWindow.Parse(window, errors);
        invalid = TypedResults.ValidationProblem(errors, type: Problems.Validation, title: "The query string is not valid");
        return errors.Count == 0;
    }

    private static string? Timestamp(DateTimeOffset? instant) => HistoryValue.Of(instant);
}
