namespace TicketTriage.Api.Auth;

/// <summary>
/// JWT bearer tokens from an OpenID Connect provider. Set <see cref="Authority"/> (keys come from its
/// discovery document) or, for a provider without discovery, <see cref="Issuer"/> with <see cref="SigningKey"/>.
/// </summary>
internal sealed class JwtOptions
{
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string? Issuer { get; set; }

    /// <summary>A base64 symmetric key (HS256), a secret: give it through the environment, never in a file.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The claim that holds Admin, Agent or Viewer.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim that names the person, recorded in history.</summary>
    public string NameClaim { get; set; } = "email";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(Issuer);
}
