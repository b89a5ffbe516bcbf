namespace TicketTriage.Api.Tokens;

/// <summary>Tokens, newest first; pass nextCursor as cursor for the next page.</summary>
public sealed record TokenList(IReadOnlyList<TokenResponse> Items, string? NextCursor);
