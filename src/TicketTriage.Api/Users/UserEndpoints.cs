using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;

namespace TicketTriage.Api.Users;

internal static class UserEndpoints
{

    public static RouteGroupBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        // Policies per endpoint: a group policy would add to, not replace, the bootstrap-aware one on create.
        var users = app.MapGroup("/api/v1/users").WithTags("Users");

        users.MapPost("/", CreateUserAsync)
            .WithName("CreateUser")
            .WithSummary("Create a user with one role (Admin only; or the bootstrap token for the first Admin)")
            .RequireAuthorization(Policies.UserAdmin)
            .RequireRateLimiting(AuthServiceCollectionExtensions.WritesRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapGet("/", ListUsersAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("ListUsers")
            .WithSummary("List users by email");

        users.MapGet("/{id}", GetUserAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("GetUser")
            .WithSummary("Get one user")
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPatch("/{id}", UpdateUserAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateUser")
            .WithSummary("Change a user's role, disable or enable them, or set a new password")
            .RequireRateLimiting(AuthServiceCollectionExtensions.WritesRateLimit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return users;
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(
        CreateUserRequest request,
        UserManager<TriageUser> users,
        BootstrapToken bootstrap,
        TimeProvider time,
        ClaimsPrincipal caller,
        CancellationToken cancellationToken)
    {
        if (caller.HasClaim(claim => claim.Type == TriageClaims.Bootstrap)
            && (Roles.Canonical(request.Role) != Roles.Admin || await users.Users.AnyAsync(cancellationToken)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                type: Problems.Forbidden,
                title: "The bootstrap token only creates the first Admin",
                detail: "Create an Admin first; then sign in as that Admin to create other users.");
        }

        var now = time.GetUtcNow();
        var (user, errors) = await UserAccounts.CreateAsync(users, request.Email!, request.Password!, request.Role!, now);
        if (user is null)
        {
            return errors.TryGetValue("email", out var emailErrors) && emailErrors.Any(e => e.Contains("already taken", StringComparison.OrdinalIgnoreCase))
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: Problems.Conflict, title: "A user with that email exists", detail: $"{request.Email} already has an account.")
                : TypedResults.ValidationProblem(errors, type: Problems.Validation, title: "The user is not valid");
        }

        if (caller.HasClaim(claim => claim.Type == TriageClaims.Bootstrap))
        {
            bootstrap.Retire();
        }

        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user, now));
    }

    private static async Task<Results<Ok<UserList>, ValidationProblem>> ListUsersAsync(
        [FromQuery] string? limit,
        [FromQuery] string? cursor,
        TriageDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = PageLimit.Parse(limit, 100, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: Problems.Validation);
        }

        var query = db.Users.AsNoTracking();
        if (cursor is not null)
        {
            string after;
            try
            {
                after = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            }
            catch (FormatException)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["cursor is not one this API issued."] }, type: Problems.Validation);
            }

            // EF translates only the two-argument Compare; the database compares the column ordinally (binary collation).
#pragma warning disable CA1309
            query = query.Where(user => string.Compare(user.NormalizedEmail, after) > 0);
#pragma warning restore CA1309
        }

        var rows = await query.OrderBy(user => user.NormalizedEmail).Take(pageSize + 1).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var next = rows.Count > pageSize ? WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(rows[pageSize - 1].NormalizedEmail!)) : null;
        return TypedResults.Ok(new UserList([.. rows.Take(pageSize).Select(user => UserResponse.From(user, now))], next));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUserAsync(string id, UserManager<TriageUser> users, TimeProvider time)
    {
        var user = await users.FindByIdAsync(id);
        return user is null ? UserNotFound(id) : TypedResults.Ok(UserResponse.From(user, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateUserAsync(
        string id,
        UpdateUserRequest request,
        UserManager<TriageUser> users,
        TriageDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserNotFound(id);
        }

        var role = Roles.Canonical(request.Role) ?? user.Role;
        var disabled = request.Disabled ?? user.Disabled;
        var losesAdmin = user.Role == Roles.Admin && !user.Disabled && (role != Roles.Admin || disabled);
        if (losesAdmin && await users.Users.CountAsync(u => u.Role == Roles.Admin && !u.Disabled, cancellationToken) <= 1)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                type: Problems.Conflict,
                title: "The last Admin cannot be removed",
                detail: "Make another user Admin first, so that someone can still manage users.");
        }

        if (request.Password is not null)
        {
            var reset = await users.RemovePasswordAsync(user);
            reset = reset.Succeeded ? await users.AddPasswordAsync(user, request.Password) : reset;
            if (!reset.Succeeded)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [.. reset.Errors.Select(e => e.Description)] }, type: Problems.Validation);
            }
        }

        var now = time.GetUtcNow();
        var signOutEverywhere = role != user.Role || disabled != user.Disabled || request.Password is not null;
        user.Role = role;
        user.Disabled = disabled;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        if (signOutEverywhere)
        {
            // Their sessions end now; the new security stamp refuses any principal built before the change.
            await users.UpdateSecurityStampAsync(user);
            await db.Sessions.Where(session => session.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        }

        await users.UpdateAsync(user);
        if (disabled)
        {
            await db.ApiTokens.Where(token => token.UserId == user.Id && token.RevokedAt == null)
                .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.RevokedAt, now), cancellationToken);
        }

        return TypedResults.Ok(UserResponse.From(user, now));
    }

    private static ProblemHttpResult UserNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: Problems.NotFound,
        title: "User not found",
        detail: $"No user has id {id}.");
}
