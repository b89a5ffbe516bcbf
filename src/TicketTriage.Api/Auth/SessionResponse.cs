namespace TicketTriage.Api.Auth;

/// <summary>Who is signed in; the anti-forgery token goes in X-XSRF-TOKEN on writes made with the cookie.</summary>
public sealed record SessionResponse(string Email, string Role, string AntiforgeryToken);
