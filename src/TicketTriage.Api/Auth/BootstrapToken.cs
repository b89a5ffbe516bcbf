namespace TicketTriage.Api.Auth;

/// <summary>
/// The one-time secret that lets the first Admin be created on a fresh install. It exists only in
/// memory, is printed once to the log at start-up, and stops working once any user exists.
/// </summary>
internal sealed class BootstrapToken
{
    private string? _hash;

    public string Issue()
    {
        var secret = TokenSecret.New(TokenSecret.BootstrapPrefix);
        _hash = TokenSecret.Hash(secret);
        return secret;
    }

    public bool Matches(string secret) =>
        _hash is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(_hash), System.Text.Encoding.ASCII.GetBytes(TokenSecret.Hash(secret)));

    public void Retire() => _hash = null;
}
