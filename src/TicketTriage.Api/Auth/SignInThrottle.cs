using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Auth;

/// <summary>
/// Failed sign-ins a minute from one client address (<c>RateLimits:SignInsPerMinute</c>; see <see cref="ClientOf"/>): past the limit every
/// sign-in from there is refused until the minute is over. Only failures count, so a whole office signing in
/// from behind one address at nine is never turned away; guessing passwords from one address is.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(IOptions<RateLimitOptions> options)
    {
        var limit = options.Value.SignInsPerMinute;
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>How long the address must wait before it may try again; null when it may try now.</summary>
    public TimeSpan? WaitBefore(string address)
    {
        // Asking for no permit tells whether any is left without taking one.
        using var lease = _failures.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void CountFailure(string address)
    {
        using var lease = _failures.AttemptAcquire(address, 1);
    }

    /// <summary>
    /// The client a sign-in is counted against: an IPv4 address, or the /64 network of an IPv6 one, since a single
    /// IPv6 host is handed a /64 and can use any of its addresses; no address (a test server) is one client.
    /// </summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return $"{new IPAddress(bytes)}/64";
    }

    public void Dispose() => _failures.Dispose();
}
