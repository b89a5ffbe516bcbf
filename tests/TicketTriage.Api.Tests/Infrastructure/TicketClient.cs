using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>Intent-level calls on the API, so tests read as what a user does.</summary>
public static class TicketClient
{
    public static async Task<JsonElement> CreateTicketAsync(
        this HttpClient client,
        string title,
        int impact = 2,
        int urgency = 2,
        string? description = null,
        string? caller = null)
    {
        var response = await client.PostAsJsonAsync(
            "/api/v1/tickets",
            new { title, description, impact, urgency, caller },
            TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync<JsonElement>();
    }

    /// <summary>The ids of every ticket a list query returns, in its order.</summary>
    public static async Task<List<long>> ListIdsAsync(this HttpClient client, string query, int limit = 500) =>
        [.. (await client.ListAllAsync(query, limit)).Select(ticket => ticket.Id())];

    /// <summary>Every ticket a list query returns, following nextCursor to the end; newest first unless the query sorts.</summary>
    public static async Task<List<JsonElement>> ListAllAsync(this HttpClient client, string query, int limit = 500)
    {
        if (!query.Contains("sort=", StringComparison.Ordinal))
        {
            query += "&sort=-createdAt";
        }

        var items = new List<JsonElement>();
        var cursors = new HashSet<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync($"/api/v1/tickets?{query}&limit={limit}" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();

            // A cursor met before would page forever: fail the test instead.
            Assert.True(cursor is null || cursors.Add(cursor), "The list came back to a cursor it had already given.");
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>A word no other test uses, to find exactly this test's tickets by keyword.</summary>
    public static string NewMarker() => "m" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// The ticket as JSON without its SLA clocks, which move with time: for comparing two reads of
    /// the same ticket at different instants.
    /// </summary>
    public static string Stored(this JsonElement ticket)
    {
        var copy = System.Text.Json.Nodes.JsonNode.Parse(ticket.GetRawText())!.AsObject();
        copy.Remove("sla");
        return copy.ToJsonString();
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString() ?? string.Empty;
}
