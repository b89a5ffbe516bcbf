using System.Net;
using TicketTriage.Api.Auth;

namespace TicketTriage.Api.Tests;

/// <summary>Which client a failed sign-in counts against: one address for IPv4, one /64 network for IPv6.</summary>
public sealed class SignInClientTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void ClientOf_Address_IsItsAddressOrItsIPv6Network(string address, string client)
    {
        Assert.Equal(client, SignInThrottle.ClientOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void ClientOf_NoAddress_IsOneClient()
    {
        Assert.Equal("unknown", SignInThrottle.ClientOf(null));
    }
}
