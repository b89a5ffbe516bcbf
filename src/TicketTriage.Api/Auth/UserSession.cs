namespace TicketTriage.Api.Auth;

/// <summary>
/// A signed-in browser's session, kept in the database so that signing out ends it on the server: the cookie carries
/// only a random key, and a copy of the cookie made before the sign-out finds nothing. Only the SHA-256 of the key is
/// stored.
/// </summary>
internal sealed class UserSession
{
    /// <summary>Lowercase hex SHA-256 of the key the cookie carries.</summary>
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>The serialized authentication ticket: the user's claims and the session's properties.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset? ExpiresAt { get; set; }
}
