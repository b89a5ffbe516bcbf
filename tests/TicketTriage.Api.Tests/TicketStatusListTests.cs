using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// Lists that let several statuses through (open=, or status= with more than one) are read one status at a time
/// and merged; on a database of their own, so that nothing but these tickets is listed.
/// </summary>
public sealed class TicketStatusListTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private static readonly string[] Open = ["New", "InProgress", "OnHold"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ListTickets_LettingSeveralStatusesThrough_ListsEachMatchingTicketOnceInOrderOnEveryPageSize()
    {
        string[] statuses = ["New", "InProgress", "OnHold", "Resolved", "Closed", "Cancelled"];
        var tickets = new List<(long Id, string Status, string Group)>();
        for (var i = 0; i < 14; i++)
        {
            var created = await _client.CreateTicketAsync(i % 2 == 0 ? $"VPN tunnel drops {i}" : $"Printer jams again {i}", impact: 2, urgency: 2);
            var ticket = await _client.DriveToAsync(created, statuses[(i * 5) % statuses.Length]);
            tickets.Add((ticket.Id(), ticket.Text("status"), ticket.Text("assignmentGroup")));
        }

        Assert.Equal(statuses.Order(), tickets.Select(ticket => ticket.Status).Distinct().Order());
        (string Query, Func<(long Id, string Status, string Group), bool> Keeps)[] cases =
        [
            ("open=true", ticket => Open.Contains(ticket.Status)),
            ("open=false", ticket => !Open.Contains(ticket.Status)),
            ("status=New,OnHold,Cancelled", ticket => ticket.Status is "New" or "OnHold" or "Cancelled"),
            ("status=New,Closed&open=true", ticket => ticket.Status == "New"),
            ("open=true&group=Network", ticket => Open.Contains(ticket.Status) && ticket.Group == "Network"),
        ];
        foreach (var (query, keeps) in cases)
        {
            var newest = tickets.Where(keeps).Select(ticket => ticket.Id).OrderDescending().ToList();
            Assert.NotEmpty(newest);
            foreach (var limit in new[] { 1, 2, 50 })
            {
                Assert.Equal(newest, (await _client.ListAllAsync($"{query}&sort=-createdAt", limit)).Select(item => item.Id()));
                Assert.Equal(Enumerable.Reverse(newest), (await _client.ListAllAsync($"{query}&sort=createdAt", limit)).Select(item => item.Id()));
            }
        }
    }
}
