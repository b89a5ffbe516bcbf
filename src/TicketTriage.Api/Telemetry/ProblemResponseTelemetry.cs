using Microsoft.AspNetCore.Diagnostics;

namespace TicketTriage.Api.Telemetry;

/// <summary>
/// Outermost middleware: counts refused requests (400/413/415/422 validation, 401/403 auth, 429 rate
/// limit) wherever in the pipeline they were refused, and logs one line for every error answer with
/// its problem type. Answers to exceptions are left to the exception handlers, which log their own.
/// </summary>
internal sealed partial class ProblemResponseTelemetry(RequestDelegate next, TriageMetrics metrics, ILogger<ProblemResponseTelemetry> logger)
{
    public const string ValidationReason = "validation";
    public const string AuthReason = "auth";
    public const string RateLimitReason = "rate_limit";

    private static readonly object ProblemTypeKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var status = context.Response.StatusCode;
        if (status < StatusCodes.Status400BadRequest)
        {
            return;
        }

        if (ReasonFor(status) is { } reason)
        {
            metrics.RequestRejected(reason, status);
        }

        if (context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }

        var type = context.Items.TryGetValue(ProblemTypeKey, out var captured) ? captured as string : null;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "/";
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogServerError(logger, context.Request.Method, route, status, type ?? "none");
        }
        else
        {
            LogClientError(logger, context.Request.Method, route, status, type ?? "none");
        }
    }

    /// <summary>Why a request with this status was refused, or null when the status is no refusal.</summary>
    public static string? ReasonFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge
            or StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status422UnprocessableEntity => ValidationReason,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => AuthReason,
        StatusCodes.Status429TooManyRequests => RateLimitReason,
        _ => null,
    };

    /// <summary>
    /// Chains onto the problem-details customisation so that every problem written through
    /// <see cref="IProblemDetailsService"/> (handlers' results, status pages, validation) leaves its
    /// final type on the request for the log line.
    /// </summary>
    public static void CaptureProblemTypes(ProblemDetailsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var customize = options.CustomizeProblemDetails;
        options.CustomizeProblemDetails = context =>
        {
            customize?.Invoke(context);
            context.HttpContext.Items[ProblemTypeKey] = context.ProblemDetails.Type;
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} {ProblemType}")]
    private static partial void LogClientError(ILogger logger, string method, string route, int statusCode, string problemType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Route} answered {StatusCode} {ProblemType}")]
    private static partial void LogServerError(ILogger logger, string method, string route, int statusCode, string problemType);
}
