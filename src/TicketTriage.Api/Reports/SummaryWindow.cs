using TicketTriage.Api.Infrastructure;

namespace TicketTriage.Api.Reports;

/// <summary>A validated reporting window; either end may be open.</summary>
internal sealed record SummaryWindow(DateTimeOffset? From, DateTimeOffset? To)
{
    public static SummaryWindow Parse(SummaryWindowParameters? parameters, IDictionary<string, string[]> errors)
    {
        var from = Instant.Parse(parameters?.From, "from", errors);
        var to = Instant.Parse(parameters?.To, "to", errors);
        Instant.CheckOrder(from, to, "from", "to", errors);
        return new SummaryWindow(from, to);
    }
}
