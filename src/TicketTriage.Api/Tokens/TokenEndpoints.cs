using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;

namespace TicketTriage.Api.Tokens;

internal static class TokenEndpoints
{

    public static RouteGroupBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization(Policies.SignedIn);

        tokens.MapPost("/", CreateTokenAsync)
            .WithName("CreateToken")
            .WithSummary("Create an API token; the answer shows its secret once")
            .RequireRateLimiting(AuthServiceCollectionExtensions.WritesRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tokens.MapGet("/", ListTokensAsync)
            .WithName("ListTokens")
            .WithSummary("List your tokens (Admins: all=true for everyone's)");

        tokens.MapDelete("/{id:long}", RevokeTokenAsync)
            .WithName("RevokeToken")
            .WithSummary("Revoke a token: it stops working at once")
            .RequireRateLimiting(AuthServiceCollectionExtensions.WritesRateLimit)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return tokens;
    }

    private static async Task<Results<Created<CreatedTokenResponse>, ValidationProblem, ProblemHttpResult>> CreateTokenAsync(
        CreateTokenRequest request,
        ClaimsPrincipal caller,
        TriageDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["expiresAt"] = ["expiresAt must be in the future."] }, type: Problems.Validation);
        }

        var isAdmin = caller.IsInRole(Roles.Admin);
        if (request.Email is not null && !isAdmin)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: Problems.Forbidden, title: "Only Admins create tokens for others", detail: "Leave out email to create a token for yourself.");
        }

        var callerId = caller.FindFirstValue(ClaimTypes.NameIdentifier);
        var normalizedEmail = request.Email?.Trim().ToUpperInvariant();
        var ownerQuery = normalizedEmail is null
            ? db.Users.Where(user => user.Id == callerId)
            : db.Users.Where(user => user.NormalizedEmail == normalizedEmail);
        var owner = await ownerQuery.FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                type: Problems.NotFound,
                title: "User not found",
                detail: request.Email is null ? "Tokens belong to users; single sign-on identities cannot hold one." : $"No user has email {request.Email}.");
        }

        var scope = request.Scope ?? TriageClaims.FullScope;
        if (!ApiTokenIssuer.MayHold(owner.Role, scope))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, type: Problems.Forbidden, title: "A Viewer cannot hold an ingestion token", detail: "Ingestion tokens create tickets; only Agents and Admins may.");
        }

        var (token, secret) = await ApiTokenIssuer.IssueAsync(db, owner.Id, request.Name!, scope, request.ExpiresAt, now, cancellationToken);
        return TypedResults.Created(
            $"/api/v1/tokens/{token.Id.ToString(CultureInfo.InvariantCulture)}",
            new CreatedTokenResponse(TokenResponse.From(token, owner.Email!), secret));
    }

    private static async Task<Results<Ok<TokenList>, ValidationProblem>> ListTokensAsync(
        [FromQuery] bool? all,
        [FromQuery] string? limit,
        [FromQuery] string? cursor,
        ClaimsPrincipal caller,
        TriageDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = PageLimit.Parse(limit, 100, errors);

        long before = long.MaxValue;
        if (cursor is not null && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out before) || before <= 0))
        {
            errors["cursor"] = ["cursor is not one this API issued."];
        }

        if (all == true && !caller.IsInRole(Roles.Admin))
        {
            errors["all"] = ["Only Admins list everyone's tokens."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: Problems.Validation);
        }

        var userId = caller.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await db.ApiTokens.AsNoTracking()
            .Where(token => token.Id < before && (all == true || token.UserId == userId))
            .OrderByDescending(token => token.Id)
            .Take(pageSize + 1)
            .Join(db.Users, token => token.UserId, user => user.Id, (token, user) => new { Token = token, user.Email })
            .ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? rows[pageSize - 1].Token.Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new TokenList([.. rows.Take(pageSize).Select(row => TokenResponse.From(row.Token, row.Email ?? string.Empty))], next));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        long id,
        ClaimsPrincipal caller,
        TriageDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var userId = caller.FindFirstValue(ClaimTypes.NameIdentifier);
        var isAdmin = caller.IsInRole(Roles.Admin);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && (isAdmin || t.UserId == userId), cancellationToken);
        if (token is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: Problems.NotFound, title: "Token not found", detail: $"You have no token with id {id.ToString(CultureInfo.InvariantCulture)}.");
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
