namespace TicketTriage.Api.Infrastructure;

internal static class HomeEndpoints
{
    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Ticket Triage</title></head>
        <body>
          <h1>Ticket Triage</h1>
          <p>Incident triage service: priority from impact and urgency, routing to assignment groups, explained.</p>
          <ul>
            <li><a href="/docs">API documentation (Swagger UI)</a></li>
            <li><a href="/openapi/v1.json">OpenAPI document</a></li>
            <li><a href="/health/ready">Readiness</a></li>
          </ul>
        </body>
        </html>
        """;

    public static IEndpointRouteBuilder MapHomeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Content(Page, "text/html; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
