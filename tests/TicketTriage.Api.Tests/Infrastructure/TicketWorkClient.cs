using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>Intent-level calls for working a ticket: merge patches, status moves, notes and history.</summary>
public static class TicketWorkClient
{
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>
    /// The actor history and notes name for requests from <c>factory.CreateClient()</c>, which acts as an
    /// Agent whose name the test authentication handler derives from the role.
    /// </summary>
    public const string ApiActor = "agent@example.test";

    /// <summary>Every status in the order the API documents them.</summary>
    public static readonly string[] Statuses = ["New", "InProgress", "OnHold", "Resolved", "Closed", "Cancelled"];

    public static long Id(this JsonElement ticket) => ticket.GetProperty("id").GetInt64();

    /// <summary>The response's ETag header exactly as sent, or null when there is none.</summary>
    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString();

    /// <summary>Sends a JSON merge patch (the object serialized as the API names fields), with If-Match when given.</summary>
    public static Task<HttpResponseMessage> PatchTicketAsync(this HttpClient client, long id, object patch, string? ifMatch = null) =>
        client.PatchTicketJsonAsync(id, JsonSerializer.Serialize(patch, HttpAssertions.Json), ifMatch);

    /// <summary>Sends the text as the body of a merge patch, exactly as written.</summary>
    public static async Task<HttpResponseMessage> PatchTicketJsonAsync(this HttpClient client, long id, string json, string? ifMatch = null, string mediaType = MergePatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/v1/tickets/{id}", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, mediaType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A patch that must succeed; returns the ticket as answered.</summary>
    public static async Task<JsonElement> UpdateTicketAsync(this HttpClient client, long id, object patch)
    {
        var response = await client.PatchTicketAsync(id, patch);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync<JsonElement>();
    }

    /// <summary>The patch that moves a ticket to the status with exactly the reason fields that status needs.</summary>
    public static Dictionary<string, object?> MoveTo(string status) => status switch
    {
        "OnHold" => new() { ["status"] = status, ["holdReason"] = "AwaitingCaller" },
        "Resolved" => new() { ["status"] = status, ["resolutionCode"] = "Fixed", ["resolutionNotes"] = "Replaced the faulty cable" },
        "Cancelled" => new() { ["status"] = status, ["reason"] = "Logged twice" },
        _ => new() { ["status"] = status },
    };

    /// <summary>Moves a ticket by allowed steps from New to the status; returns the ticket as last answered.</summary>
    public static async Task<JsonElement> DriveToAsync(this HttpClient client, JsonElement ticket, string status)
    {
        string[] path = status switch
        {
            "Closed" => ["Resolved", "Closed"],
            "New" => [],
            _ => [status],
        };
        foreach (var step in path)
        {
            ticket = await client.UpdateTicketAsync(ticket.Id(), MoveTo(step));
        }

        Assert.Equal(status, ticket.Text("status"));
        return ticket;
    }

    public static async Task<HttpResponseMessage> PostNoteAsync(this HttpClient client, long id, object note) =>
        await client.PostAsJsonAsync($"/api/v1/tickets/{id}/notes", note, TestContext.Current.CancellationToken);

    /// <summary>A note that must be stored; returns it as answered.</summary>
    public static async Task<JsonElement> AddNoteAsync(this HttpClient client, long id, string body, string visibility = "internal")
    {
        var response = await client.PostNoteAsync(id, new { body, visibility });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<JsonElement>();
    }

    /// <summary>The ticket and its ETag as a GET answers them.</summary>
    public static async Task<(JsonElement Ticket, string ETag)> GetTicketAsync(this HttpClient client, long id)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/tickets/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.ReadJsonAsync<JsonElement>(), response.ETag() ?? throw new Xunit.Sdk.XunitException("GET answered without an ETag."));
    }

    public static Task<List<JsonElement>> GetHistoryAsync(this HttpClient client, long id, int? limit = null) =>
        client.GetAllEntriesAsync($"/api/v1/tickets/{id}/history", limit);

    public static Task<List<JsonElement>> GetNotesAsync(this HttpClient client, long id, int? limit = null) =>
        client.GetAllEntriesAsync($"/api/v1/tickets/{id}/notes", limit);

    /// <summary>Every entry of a ticket's notes or history, following nextCursor to the last page.</summary>
    private static async Task<List<JsonElement>> GetAllEntriesAsync(this HttpClient client, string path, int? limit)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var query = string.Join('&', new[] { limit is null ? null : $"limit={limit}", cursor is null ? null : $"cursor={cursor}" }.OfType<string>());
            var page = await client.GetJsonAsync(query.Length == 0 ? path : $"{path}?{query}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }

    /// <summary>A string property, or null when it is JSON null or absent.</summary>
    public static string? TextOrNull(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}
