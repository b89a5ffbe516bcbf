using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TicketTriage.Api.Infrastructure;

/// <summary>
/// Turns request-reading failures (bad JSON, wrong types, unknown fields, missing body, oversized or
/// wrongly typed content) into problem details that say what to fix, instead of a bare status.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var problem = badRequest.InnerException is JsonException json
            ? ForJson(json)
            : new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Type = Problems.ForStatus(badRequest.StatusCode),
                Title = badRequest.StatusCode == StatusCodes.Status400BadRequest ? "The request could not be read" : null,
                Detail = Problems.DetailForStatus(badRequest.StatusCode) ?? Describe(badRequest),
            };

        LogRejected(logger, problem.Status ?? StatusCodes.Status400BadRequest, problem.Type ?? string.Empty);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails ForJson(JsonException json)
    {
        var field = FieldOf(json.Path);
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : string.Empty;
        string message;
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            message = $"'{field}' is not a field of this request and cannot be set; remove it.";
        }
        else if (json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            message = $"'{field}' has the wrong type{where}; the schema at /openapi/v1.json gives the expected one.";
        }
        else
        {
            message = $"The body is not valid JSON{where}: {json.Message.Split(" Path:", 2)[0]}";
        }

        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Type = Problems.InvalidJson,
            Title = "The request body is not valid JSON for this endpoint",
            Detail = message,
        };
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return string.IsNullOrEmpty(field) ? "$" : field;
    }

    private static string Describe(BadHttpRequestException exception) =>
        exception.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            || exception.Message.Contains("body was empty", StringComparison.OrdinalIgnoreCase)
            ? "A JSON body is required."
            : exception.Message;

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected request with {Status} {ProblemType}")]
    private static partial void LogRejected(ILogger logger, int status, string problemType);
}
