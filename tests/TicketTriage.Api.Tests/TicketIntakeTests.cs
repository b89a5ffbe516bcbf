using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

public sealed class TicketIntakeTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CreateTicket_WithValidIncident_ReturnsCreatedTicketWithTriage()
    {
        var response = await _client.PostAsJsonAsync(
            "/api/v1/tickets",
            new { title = "  Password reset for email login  ", description = "Reset link never arrives", impact = 1, urgency = 2, caller = "ann@example.com" },
            TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var ticket = await response.ReadJsonAsync<JsonElement>();
        var id = ticket.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/tickets/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"INC{id:D7}", ticket.Text("number"));
        Assert.Equal("Password reset for email login", ticket.Text("title"));
        Assert.Equal("Reset link never arrives", ticket.Text("description"));
        Assert.Equal(1, ticket.GetProperty("impact").GetInt32());
        Assert.Equal(2, ticket.GetProperty("urgency").GetInt32());
        Assert.Equal("P2", ticket.Text("priority"));
        Assert.Equal("Service Desk", ticket.Text("assignmentGroup"));
        Assert.Equal("New", ticket.Text("status"));
        Assert.Equal("ann@example.com", ticket.Text("caller"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", ticket.Text("createdAt"));
        Assert.Equal(ticket.Text("createdAt"), ticket.Text("updatedAt"));

        var triage = ticket.GetProperty("triage");
        Assert.Equal("sign-in", triage.GetProperty("routing").Text("ruleId"));
        Assert.Equal(["password", "login"], triage.GetProperty("routing").GetProperty("matchedTerms").EnumerateArray().Select(term => term.GetString()));
        Assert.False(triage.GetProperty("routing").GetProperty("fallback").GetBoolean());
        Assert.Equal(1, triage.GetProperty("matrix").GetProperty("impact").GetInt32());
        Assert.Equal(2, triage.GetProperty("matrix").GetProperty("urgency").GetInt32());
        Assert.Equal("P2", triage.GetProperty("matrix").Text("priority"));
        Assert.Contains("sign-in", triage.Text("explanation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTicket_WithNoMatchingTerm_FallsBackToGeneralSupport()
    {
        var ticket = await _client.CreateTicketAsync("Coffee machine on floor 3 is leaking", impact: 3, urgency: 3);

        Assert.Equal("General Support", ticket.Text("assignmentGroup"));
        Assert.Equal("P4", ticket.Text("priority"));
        var routing = ticket.GetProperty("triage").GetProperty("routing");
        Assert.Equal(JsonValueKind.Null, routing.GetProperty("ruleId").ValueKind);
        Assert.True(routing.GetProperty("fallback").GetBoolean());
        Assert.Empty(routing.GetProperty("matchedTerms").EnumerateArray());
    }

    [Fact]
    public async Task CreateTicket_Twice_GivesSequentialNumbers()
    {
        var first = await _client.CreateTicketAsync("VPN drops every hour");
        var second = await _client.CreateTicketAsync("VPN drops every two hours");

        var firstId = first.GetProperty("id").GetInt64();
        Assert.Equal(firstId + 1, second.GetProperty("id").GetInt64());
        Assert.Equal($"INC{firstId + 1:D7}", second.Text("number"));
    }

    [Fact]
    public async Task GetTicket_AfterCreate_ReturnsTheSameTicket()
    {
        var created = await _client.CreateTicketAsync("Laptop battery swollen", impact: 2, urgency: 1, description: "Lid no longer closes");

        var fetched = await _client.GetJsonAsync($"/api/v1/tickets/{created.GetProperty("id").GetInt64()}");

        Assert.Equal(created.Stored(), fetched.Stored());
    }

    [Fact]
    public async Task GetTicket_Unknown_ReturnsNotFoundProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/tickets/987654321", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
        Assert.Contains("987654321", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTicket_WithNonNumericId_ReturnsNotFoundProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/tickets/abc", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
    }

    [Theory]
    [InlineData("Café au lait — naïve résumé, Ünïcödé")]
    [InlineData("打印机无法连接 プリンター 프린터")]
    [InlineData("Server on fire 🔥🚒 help 👩‍💻")]
    [InlineData("Robert'); DROP TABLE Tickets;-- \"quoted\" 'single' \\backslash")]
    [InlineData("<script>alert('x')</script> &amp; <b>bold</b>")]
    [InlineData("=HYPERLINK(\"http://evil\") +1 -1 @SUM(A1)")]
    public async Task CreateTicket_WithUnicodeOrHostileText_RoundTripsExactly(string text)
    {
        var description = text + "\n\tsecond line\r\nthird line " + text;
        var created = await _client.CreateTicketAsync(text, description: description, caller: text);

        var fetched = await _client.GetJsonAsync($"/api/v1/tickets/{created.GetProperty("id").GetInt64()}");

        Assert.Equal(text, fetched.Text("title"));
        Assert.Equal(description, fetched.Text("description"));
        Assert.Equal(text, fetched.Text("caller"));
    }

    [Fact]
    public async Task Triage_WithValidIncident_ReturnsDecisionAndStoresNothing()
    {
        var marker = TicketClient.NewMarker();

        var response = await _client.PostAsJsonAsync(
            "/api/v1/triage",
            new { title = $"{marker} VPN's keep dropping", impact = 1, urgency = 1 },
            TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var result = await response.ReadJsonAsync<JsonElement>();
        Assert.Equal("P1", result.Text("priority"));
        Assert.Equal("Network", result.Text("assignmentGroup"));
        Assert.Equal("network", result.GetProperty("routing").Text("ruleId"));
        Assert.Equal(["vpn"], result.GetProperty("routing").GetProperty("matchedTerms").EnumerateArray().Select(term => term.GetString()));
        Assert.Empty(await _client.ListAllAsync($"q={marker}"));
    }

    [Fact]
    public async Task Triage_WithInvalidIncident_ReturnsValidationProblem()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/triage", new { title = "", impact = 7, urgency = 1 }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.NotEmpty(problem.ErrorsFor("title"));
        Assert.NotEmpty(problem.ErrorsFor("impact"));
    }

    [Fact]
    public async Task ListGroups_ReturnsEveryDeclaredGroupWithTheDefault()
    {
        var groups = await _client.GetJsonAsync("/api/v1/groups");

        var items = groups.GetProperty("items").EnumerateArray().ToList();
        var names = items.Select(item => item.Text("name")).ToList();
        Assert.Contains("Service Desk", names);
        Assert.Contains("Network", names);
        Assert.Contains("IT Support", names);
        Assert.Contains("Messaging", names);
        var fallback = Assert.Single(items, item => item.GetProperty("isDefault").GetBoolean());
        Assert.Equal("General Support", fallback.Text("name"));
        Assert.Contains("sign-in", items.Single(item => item.Text("name") == "Service Desk").GetProperty("ruleIds").EnumerateArray().Select(id => id.GetString()));
    }
}
