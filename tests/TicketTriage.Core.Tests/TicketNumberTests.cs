using TicketTriage.Core.Tickets;

namespace TicketTriage.Core.Tests;

public sealed class TicketNumberTests
{
    [Theory]
    [InlineData(1, "INC0000001")]
    [InlineData(42, "INC0000042")]
    [InlineData(9_999_999, "INC9999999")]
    [InlineData(12_345_678, "INC12345678")]
    public void Format_Id_GivesPrefixAndSevenDigitsAtLeast(long id, string expected)
    {
        Assert.Equal(expected, TicketNumber.Format(id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(9_999_999)]
    [InlineData(10_000_000)]
    [InlineData(long.MaxValue)]
    public void TryParse_FormattedNumber_RoundTripsToId(long id)
    {
        var parsed = TicketNumber.TryParse(TicketNumber.Format(id), out var result);

        Assert.True(parsed);
        Assert.Equal(id, result);
    }

    [Theory]
    [InlineData("INC0000042", 42)]
    [InlineData("inc0000042", 42)]
    [InlineData("INC42", 42)]
    public void TryParse_ValidNumber_GivesId(string text, long expected)
    {
        Assert.True(TicketNumber.TryParse(text, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("INC")]
    [InlineData("INCabc")]
    [InlineData("42")]
    [InlineData("INC-1")]
    [InlineData("INC0000000")]
    [InlineData("")]
    [InlineData("IN0000042")]
    [InlineData("REQ0000042")]
    [InlineData("INC+42")]
    [InlineData("INC 42")]
    [InlineData(" INC0000042")]
    [InlineData("INC0000042 ")]
    [InlineData("INC42x")]
    [InlineData("INC4.2")]
    [InlineData("INC1,000")]
    [InlineData("INC99999999999999999999")]
    [InlineData("INC\uFF14\uFF12")]
    public void TryParse_Malformed_ReturnsFalseAndZero(string text)
    {
        var parsed = TicketNumber.TryParse(text, out var id);

        Assert.False(parsed);
        Assert.Equal(0, id);
    }
}
