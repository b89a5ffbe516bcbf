using Microsoft.AspNetCore.Http.Features;

namespace TicketTriage.Api.Infrastructure;

/// <summary>
/// Caps every request body at 64 KiB: a declared length over the cap is refused before any of it is
/// read, and a chunked body is cut off by the server's own limit as it streams in.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next)
{
    public const long MaxBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        return next(context);
    }
}
