namespace TicketTriage.Api.Auth;

/// <summary>The caller: email (or SSO name) and role; the token's name and scope when one was used.</summary>
public sealed record MeResponse(string Email, string Role, string? Token, string Scope);
