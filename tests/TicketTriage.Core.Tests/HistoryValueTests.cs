using System.Globalization;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>How history writes values: invariant text, instants in UTC with milliseconds, empty as null.</summary>
public sealed class HistoryValueTests
{
    [Theory]
    [InlineData("2026-03-02T08:30:00+00:00", "2026-03-02T08:30:00.000Z")]
    [InlineData("2026-03-02T09:30:00.1234567+01:00", "2026-03-02T08:30:00.123Z")]
    public void Of_Instant_IsUtcWithMilliseconds(string instant, string expected)
    {
        Assert.Equal(expected, HistoryValue.Of(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Of_NumbersEnumsAndNull_AreInvariantText()
    {
        Assert.Equal("3", HistoryValue.Of(3));
        Assert.Equal("P1", HistoryValue.Of(Priority.P1));
        Assert.Equal("AwaitingChange", HistoryValue.Of<HoldReason?>(HoldReason.AwaitingChange));
        Assert.Null(HistoryValue.Of<string?>(null));
        Assert.Null(HistoryValue.Of<DateTimeOffset?>(null));
    }
}
