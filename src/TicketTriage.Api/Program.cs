using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketTriage.Api.AutoClose;
using TicketTriage.Api.Groups;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Reports;
using TicketTriage.Api.Telemetry;
using TicketTriage.Api.Tickets;
using TicketTriage.Api.Triage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddApiConventions();
builder.Services.AddOpenApi();
builder.Services.AddTriage();
builder.Services.AddPersistence();
builder.Services.AddAutoClose();
builder.AddTelemetry();

var app = builder.Build();

app.UseTelemetry();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimit>();

app.MapOpenApi();
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "docs";
    options.SwaggerEndpoint("/openapi/v1.json", "Ticket Triage v1");
    options.DocumentTitle = "Ticket Triage API";
});

app.MapHomeEndpoints();
app.MapTicketEndpoints();
app.MapTriageEndpoints();
app.MapGroupEndpoints();
app.MapReportEndpoints();
app.MapTelemetryEndpoints();

app.Run();
