namespace TicketTriage.Api.Infrastructure;

/// <summary>The stable problem types this API answers with; clients may switch on <c>type</c>.</summary>
internal static class Problems
{
    private const string Prefix = "urn:ticket-triage:problem:";

    public const string Validation = Prefix + "validation";
    public const string InvalidJson = Prefix + "invalid-json";
    public const string NotFound = Prefix + "not-found";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string BadRequest = Prefix + "bad-request";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string TransitionNotAllowed = Prefix + "transition-not-allowed";
    public const string TicketClosed = Prefix + "ticket-closed";
    public const string EditConflict = Prefix + "edit-conflict";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string Antiforgery = Prefix + "antiforgery";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string SignInFailed = Prefix + "sign-in-failed";
    public const string Conflict = Prefix + "conflict";
    public const string ServerError = Prefix + "server-error";

    /// <summary>The type for a bare status code, used where no handler said more.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        >= 500 => ServerError,
        _ => Prefix + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>What a person should do about a bare status code.</summary>
    public static string? DetailForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Sign in (POST /api/v1/auth/login) or send 'Authorization: Bearer <token>' with an API token.",
        StatusCodes.Status403Forbidden => "Your role or token scope does not allow this; ask an Admin for access.",
        StatusCodes.Status429TooManyRequests => "Too many requests; wait for the number of seconds in the Retry-After header and try again.",
        StatusCodes.Status404NotFound => "No resource exists at this address. The API lives under /api/v1; see /docs for every endpoint.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that HTTP method; the Allow header lists the ones it does.",
        StatusCodes.Status413PayloadTooLarge => $"The request body is larger than {RequestBodyLimit.MaxBytes / 1024} KiB.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json' ('application/merge-patch+json' for a PATCH of a ticket).",
        >= 500 => "The server failed to handle the request. Nothing was stored; try again, and report it with the traceId if it persists.",
        _ => null,
    };
}
