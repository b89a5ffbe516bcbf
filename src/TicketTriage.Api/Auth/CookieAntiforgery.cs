using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using TicketTriage.Api.Infrastructure;

namespace TicketTriage.Api.Auth;

/// <summary>
/// A browser sends the session cookie with any request, including one forged by another site, so a
/// write authenticated by the cookie must also carry the anti-forgery token from sign-in in the
/// X-XSRF-TOKEN header. Bearer tokens are not sent by browsers on their own and need no such check.
/// </summary>
internal sealed class CookieAntiforgery(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public const string HeaderName = "X-XSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme
            && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Type = Problems.Antiforgery,
                    Title = "The anti-forgery token is missing or wrong",
                    Detail = $"A write made with the sign-in cookie must send the token from POST /api/v1/auth/login (or GET /api/v1/auth/antiforgery) in the {HeaderName} header.",
                },
            });
            return;
        }

        await next(context);
    }
}
