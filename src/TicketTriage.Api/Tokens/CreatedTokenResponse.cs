namespace TicketTriage.Api.Tokens;

/// <summary>A new token with its secret: store it now, it is shown this once.</summary>
public sealed record CreatedTokenResponse(TokenResponse Details, string Token);
