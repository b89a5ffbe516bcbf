using System.Security.Cryptography;
using System.Text;

namespace TicketTriage.Api.Auth;

/// <summary>
/// Generates token secrets and their stored form. A secret carries 256 random bits, so a plain
/// SHA-256 is the right store (as for GitHub tokens): no salt or stretching is needed against
/// guessing, and the lookup stays one indexed equality.
/// </summary>
internal static class TokenSecret
{
    public const string ApiPrefix = "tt_";
    public const string BootstrapPrefix = "ttb_";
    private const int PrefixShown = 10;

    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Shown(string secret) => secret[..Math.Min(PrefixShown, secret.Length)];
}
