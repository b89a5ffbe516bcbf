using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Telemetry;

/// <summary>
/// With a management port configured: that port serves only <c>/metrics</c> and the health checks,
/// and the API port does not serve <c>/metrics</c>. Decided by the port the connection arrived on,
/// not by the Host header, which a client chooses.
/// </summary>
internal sealed class ManagementPortFilter(RequestDelegate next, IOptions<MetricsOptions> options)
{
    private static readonly PathString[] ManagementPaths = [MetricsOptions.Path, "/health/live", "/health/ready"];

    public Task InvokeAsync(HttpContext context)
    {
        if (options.Value.Port is not { } port)
        {
            return next(context);
        }

        var path = context.Request.Path;
        var allowed = context.Connection.LocalPort == port
            ? ManagementPaths.Any(allowedPath => path.Equals(allowedPath, StringComparison.OrdinalIgnoreCase))
            : !path.StartsWithSegments(MetricsOptions.Path, StringComparison.OrdinalIgnoreCase);
        if (allowed)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
