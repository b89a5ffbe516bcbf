using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using TicketTriage.Api.Auth;
using TicketTriage.Api.AutoClose;
using TicketTriage.Api.CommandLine;
using TicketTriage.Api.Groups;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Reports;
using TicketTriage.Api.Sla;
using TicketTriage.Api.Telemetry;
using TicketTriage.Api.Tickets;
using TicketTriage.Api.Tokens;
using TicketTriage.Api.Triage;
using TicketTriage.Api.Users;
using TicketTriage.Api.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddApiConventions();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
builder.Services.AddTriage();
builder.Services.AddPersistence();
builder.Services.AddTicketIntake();
builder.Services.AddAutoClose();
builder.Services.AddTriageAuth();
builder.Services.AddWebhooks();
builder.Services.AddSla();
builder.AddTelemetry();

if (AdminCommands.IsCommand(args))
{
    // Standard output carries only what a command prints (a token); every log line goes to standard error.
    builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}

var app = builder.Build();
if (AdminCommands.IsCommand(args))
{
    return await AdminCommands.RunAsync(app, args, Console.In, Console.Out, Console.Error);
}

// First, so that every answer carries the headers, the management port filter's refusals too.
app.UseMiddleware<SecurityHeaders>();
app.UseTelemetry();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimit>();
app.UseCors();

// Swagger UI is middleware, not an endpoint: after authorization the fallback policy would ask for a
// sign-in before anyone could read the documentation, which is public like the OpenAPI document.
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "docs";
    options.SwaggerEndpoint("/openapi/v1.json", "Ticket Triage v1");
    options.DocumentTitle = "Ticket Triage API";
});
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<CookieAntiforgery>();
app.UseRateLimiter();

app.MapOpenApi().AllowAnonymous();
app.MapHomeEndpoints();
app.MapTicketEndpoints();
app.MapTriageEndpoints();
app.MapGroupEndpoints();
app.MapReportEndpoints();
app.MapAuthEndpoints();
app.MapUserEndpoints();
app.MapTokenEndpoints();
app.MapTelemetryEndpoints();

await app.RunAsync();
return 0;
