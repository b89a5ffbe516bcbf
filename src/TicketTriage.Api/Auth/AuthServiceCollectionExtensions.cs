using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;

namespace TicketTriage.Api.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>Picks the scheme for a request: our tokens, SSO JWTs, or the sign-in cookie.</summary>
    public const string DefaultScheme = "TriageDefault";

    public const string WritesRateLimit = "writes";

    public static IServiceCollection AddTriageAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations()
            .Validate(options => !options.Jwt.Enabled || !string.IsNullOrWhiteSpace(options.Jwt.Audience), "Auth:Jwt:Audience is required when single sign-on is configured.")
            .Validate(options => string.IsNullOrWhiteSpace(options.Jwt.Issuer) || !string.IsNullOrWhiteSpace(options.Jwt.SigningKey) || !string.IsNullOrWhiteSpace(options.Jwt.Authority), "Auth:Jwt:SigningKey (or Auth:Jwt:Authority) is required with Auth:Jwt:Issuer.")
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BootstrapToken>();
        services.AddHostedService<BootstrapAnnouncer>();

        services.AddIdentityCore<TriageUser>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // Length is what makes a password strong; composition rules only make it harder to remember.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<TriageDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<TriageUserClaimsPrincipalFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = auth.Value.LockoutDuration;
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = DefaultScheme;
                options.DefaultChallengeScheme = DefaultScheme;
                options.DefaultForbidScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, null, options => options.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "tt_session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;

                // An API answers with a status, never with a redirect to a login page.
                options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
            })
            .AddJwtBearer();
        services.AddSingleton<DatabaseSessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AuthOptions>, DatabaseSessionStore>((cookie, auth, sessions) =>
            {
                cookie.ExpireTimeSpan = auth.Value.SessionLifetime;
                cookie.SessionStore = sessions;
            });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<ISecurityStampValidator, SecurityStampValidator<TriageUser>>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>(ConfigureJwt);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Reader, policy => policy.RequireRole(Roles.All).RequireAssertion(FullScope))
            .AddPolicy(Policies.Agent, policy => policy.RequireRole(Roles.Admin, Roles.Agent).RequireAssertion(FullScope))
            .AddPolicy(Policies.Ingest, policy => policy.RequireRole(Roles.Admin, Roles.Agent))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin).RequireAssertion(FullScope))
            .AddPolicy(Policies.UserAdmin, policy => policy.RequireAssertion(context =>
                context.User.HasClaim(claim => claim.Type == TriageClaims.Bootstrap) || (context.User.IsInRole(Roles.Admin) && FullScope(context))))
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                FullScope(context) && !context.User.HasClaim(claim => claim.Type == TriageClaims.Bootstrap)));

        services.AddAntiforgery(options => options.HeaderName = CookieAntiforgery.HeaderName);
        services.AddRateLimiter(ConfigureRateLimits);
        services.AddSingleton<SignInThrottle>();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IConfiguration>((cors, configuration) =>
        {
            // Closed unless origins are configured: without a policy that allows an origin, no CORS header is sent.
            var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            cors.AddDefaultPolicy(policy => policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials());
        });
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        if (ApiTokenAuthenticationHandler.BearerSecret(context.Request) is not null)
        {
            return ApiTokenAuthenticationHandler.SchemeName;
        }

        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var jwt = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt;
            return jwt.Enabled ? JwtBearerDefaults.AuthenticationScheme : ApiTokenAuthenticationHandler.SchemeName;
        }

        return IdentityConstants.ApplicationScheme;
    }

    /// <summary>Sessions, SSO tokens and personal tokens are full scope; only ingestion tokens are narrowed.</summary>
    private static bool FullScope(AuthorizationHandlerContext context) =>
        context.User.FindFirstValue(TriageClaims.Scope) is null or TriageClaims.FullScope;

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static void ConfigureJwt(JwtBearerOptions options, IOptions<AuthOptions> auth)
    {
        var jwt = auth.Value.Jwt;
        options.MapInboundClaims = false;
        if (!jwt.Enabled)
        {
            return;
        }

        options.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
        options.Audience = jwt.Audience;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? jwt.Authority : jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            RoleClaimType = jwt.RoleClaim,
            NameClaimType = jwt.NameClaim,
            IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SymmetricSecurityKey(Convert.FromBase64String(jwt.SigningKey)),
        };
    }

    /// <summary>A 429 with a Retry-After header in whole seconds, at least one.</summary>
    public static ProblemHttpResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            type: Problems.TooManyRequests,
            title: "Too many requests",
            detail: $"Slow down: try again in {seconds} s.");
    }

    private static void ConfigureRateLimits(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            await TooManyRequests(context.HttpContext, retryAfter).ExecuteAsync(context.HttpContext);
        };

        options.AddPolicy(WritesRateLimit, context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return RateLimitPartition.GetTokenBucketLimiter(CurrentActor.Of(context.User), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.WriteBurst,
                TokensPerPeriod = limits.WritesPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }
}
