using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Infrastructure;

namespace TicketTriage.Api.Auth;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Authentication");

        auth.MapPost("/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Sign in with email and password; starts a cookie session")
            .AllowAnonymous()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/logout", LogoutAsync)
            .WithName("Logout")
            .WithSummary("End the cookie session")
            .RequireAuthorization(Policies.SignedIn)
            .RequireRateLimiting(AuthServiceCollectionExtensions.WritesRateLimit);

        auth.MapGet("/antiforgery", IssueAntiforgery)
            .WithName("GetAntiforgeryToken")
            .WithSummary("A fresh anti-forgery token for writes made with the session cookie")
            .RequireAuthorization(Policies.SignedIn);

        app.MapGet("/api/v1/me", GetMe)
            .WithTags("Authentication")
            .WithName("GetMe")
            .WithSummary("Who the caller is: email and role")
            .RequireAuthorization(Policies.SignedIn);

        return app;
    }

    /// <summary>A user no email belongs to, with a hash of a random password made the way real ones are.</summary>
    private static readonly TriageUser UnknownUser = UnknownUserWithHash();

    private static TriageUser UnknownUserWithHash()
    {
        var user = new TriageUser();
        user.PasswordHash = new PasswordHasher<TriageUser>().HashPassword(user, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return user;
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        SignInManager<TriageUser> signIn,
        IAntiforgery antiforgery,
        SignInThrottle throttle,
        HttpContext context)
    {
        var address = SignInThrottle.ClientOf(context.Connection.RemoteIpAddress);
        if (throttle.WaitBefore(address) is { } wait)
        {
            return AuthServiceCollectionExtensions.TooManyRequests(context, wait);
        }

        var user = await signIn.UserManager.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == signIn.UserManager.NormalizeEmail(request.Email), context.RequestAborted);
        SignInResult result;
        if (user is null || user.Disabled)
        {
            // Hash the password all the same: an answer that came back sooner would tell which emails have accounts.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(user ?? UnknownUser, UnknownUser.PasswordHash!, request.Password!);
            result = SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
        }

        if (!result.Succeeded)
        {
            throttle.CountFailure(address);
        }

        if (result.IsLockedOut)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                type: Problems.SignInFailed,
                title: "The account is locked",
                detail: "Too many failed sign-ins; the account is locked for a while. Try again later or ask an Admin.");
        }

        if (!result.Succeeded)
        {
            // One answer for an unknown email and a wrong password, so the answer tells nobody which emails exist.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                type: Problems.SignInFailed,
                title: "Sign-in failed",
                detail: "The email or the password is wrong.");
        }

        // The new cookie is not on this request yet, so the token is bound to the principal just signed in.
        context.User = await signIn.CreateUserPrincipalAsync(user!);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new SessionResponse(user!.Email!, user.Role, tokens.RequestToken!));
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<TriageUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<AntiforgeryResponse> IssueAntiforgery(IAntiforgery antiforgery, HttpContext context) =>
        TypedResults.Ok(new AntiforgeryResponse(antiforgery.GetAndStoreTokens(context).RequestToken!));

    private static Ok<MeResponse> GetMe(ClaimsPrincipal user)
    {
        var identity = (ClaimsIdentity)user.Identity!;
        var role = user.FindFirstValue(identity.RoleClaimType) ?? string.Empty;
        return TypedResults.Ok(new MeResponse(
            user.FindFirstValue(identity.NameClaimType) ?? string.Empty,
            role,
            user.FindFirstValue(TriageClaims.TokenName),
            user.FindFirstValue(TriageClaims.Scope) ?? TriageClaims.FullScope));
    }
}
