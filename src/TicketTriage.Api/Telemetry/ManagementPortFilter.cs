using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Telemetry;

/// <summary>
/// With a management port configured: that port serves only <c>/metrics</c> and the health checks,
/// and the API port does not serve <c>/metrics</c>. Decided by the port the connection arrived on,
/// not by the Host header, which a client chooses. Runs before authentication, so nothing but those
/// endpoints ever runs on the management port; its 404 is written here as problem details.
/// </summary>
internal sealed class ManagementPortFilter(RequestDelegate next, IOptions<MetricsOptions> options, IProblemDetailsService problems)
{
    private static readonly PathString[] ManagementPaths = [MetricsOptions.Path, "/health/live", "/health/ready"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Value.Port is not { } port)
        {
            await next(context);
            return;
        }

        var path = context.Request.Path;
        var allowed = context.Connection.LocalPort == port
            ? ManagementPaths.Any(allowedPath => path.Equals(allowedPath, StringComparison.OrdinalIgnoreCase))
            : !path.StartsWithSegments(MetricsOptions.Path, StringComparison.OrdinalIgnoreCase);
        if (allowed)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context });
    }
}
