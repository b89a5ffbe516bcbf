using System.Net;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Changing a ticket's fields with a JSON merge patch, and every way such a patch is refused.</summary>
public sealed class TicketUpdateTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private const string Validation = "urn:ticket-triage:problem:validation";

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> ReadOnlyFields => new()
    {
        "id", "number", "createdAt", "priority", "updatedAt", "respondedAt", "resolvedAt", "closedAt", "reopenCount", "caller", "triage",
    };

    public static TheoryData<string, string, string> InvalidPatches => new()
    {
        { """{"title":""}""", "title", "empty title" },
        { """{"title":"   "}""", "title", "blank title" },
        { """{"title":null}""", "title", "null title" },
        { """{"title":7}""", "title", "title as number" },
        { $$"""{"title":"{{new string('t', 201)}}"}""", "title", "title over 200" },
        { $$"""{"description":"{{new string('d', 10_001)}}"}""", "description", "description over 10000" },
        { """{"impact":0}""", "impact", "impact 0" },
        { """{"impact":4}""", "impact", "impact 4" },
        { """{"impact":"1"}""", "impact", "impact as text" },
        { """{"impact":null}""", "impact", "null impact" },
        { """{"urgency":1.5}""", "urgency", "urgency as fraction" },
        { """{"assignmentGroup":null,"reason":"x"}""", "assignmentGroup", "null group" },
        { $$"""{"assignee":"{{new string('a', 201)}}"}""", "assignee", "assignee over 200" },
    };

    [Fact]
    public async Task PatchTicket_TitleDescriptionAndAssignee_ReturnsChangedTicket()
    {
        var ticket = await _client.CreateTicketAsync("Printer jams", description: "Tray 2");
        factory.AdvanceTime(TimeSpan.FromMinutes(1));

        var response = await _client.PatchTicketAsync(ticket.Id(), new { title = "  Printer jams on every job ", description = "Tray 2 and tray 3", assignee = " carol " });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var changed = await response.ReadJsonAsync<JsonElement>();
        Assert.Equal("Printer jams on every job", changed.Text("title"));
        Assert.Equal("Tray 2 and tray 3", changed.Text("description"));
        Assert.Equal("carol", changed.Text("assignee"));
        Assert.Equal(ticket.Text("createdAt"), changed.Text("createdAt"));
        Assert.NotEqual(ticket.Text("updatedAt"), changed.Text("updatedAt"));
        Assert.Equal(ticket.Text("number"), changed.Text("number"));
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(changed.Stored(), stored.Stored());
    }

    [Fact]
    public async Task PatchTicket_NullDescriptionAndAssignee_ClearsThem()
    {
        var ticket = await _client.CreateTicketAsync("Scanner offline", description: "Since Monday");
        await _client.UpdateTicketAsync(ticket.Id(), new { assignee = "dave" });

        var cleared = await _client.UpdateTicketAsync(ticket.Id(), new { description = (string?)null, assignee = (string?)null });

        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("assignee").ValueKind);
    }

    [Fact]
    public async Task PatchTicket_AbsentFields_StayAsTheyAre()
    {
        var ticket = await _client.CreateTicketAsync("Mouse double-clicks", description: "Left button");
        await _client.UpdateTicketAsync(ticket.Id(), new { assignee = "erin" });

        var changed = await _client.UpdateTicketAsync(ticket.Id(), new { title = "Mouse double-clicks on its own" });

        Assert.Equal("Left button", changed.Text("description"));
        Assert.Equal("erin", changed.Text("assignee"));
        Assert.Equal(ticket.Text("assignmentGroup"), changed.Text("assignmentGroup"));
        Assert.Equal(ticket.Text("priority"), changed.Text("priority"));
    }

    [Theory]
    [InlineData(1, 1, "P1")]
    [InlineData(1, 2, "P2")]
    [InlineData(1, 3, "P3")]
    [InlineData(2, 1, "P2")]
    [InlineData(2, 2, "P2")]
    [InlineData(2, 3, "P3")]
    [InlineData(3, 1, "P4")]
    [InlineData(3, 2, "P4")]
    [InlineData(3, 3, "P4")]
    public async Task PatchTicket_ImpactAndUrgency_RecomputesPriorityThroughTheMatrix(int impact, int urgency, string priority)
    {
        var ticket = await _client.CreateTicketAsync("Database replication lag", impact: impact == 2 ? 3 : 2, urgency: urgency == 2 ? 3 : 2);

        var changed = await _client.UpdateTicketAsync(ticket.Id(), new { impact, urgency });

        Assert.Equal(impact, changed.GetProperty("impact").GetInt32());
        Assert.Equal(urgency, changed.GetProperty("urgency").GetInt32());
        Assert.Equal(priority, changed.Text("priority"));
        var matrix = changed.GetProperty("triage").GetProperty("matrix");
        Assert.Equal((impact, urgency, priority), (matrix.GetProperty("impact").GetInt32(), matrix.GetProperty("urgency").GetInt32(), matrix.Text("priority")));
    }

    [Fact]
    public async Task PatchTicket_ImpactOnly_KeepsUrgencyAndRecomputesPriority()
    {
        var ticket = await _client.CreateTicketAsync("Email bounces", impact: 3, urgency: 1);
        Assert.Equal("P4", ticket.Text("priority"));

        var changed = await _client.UpdateTicketAsync(ticket.Id(), new { impact = 1 });

        Assert.Equal(1, changed.GetProperty("urgency").GetInt32());
        Assert.Equal("P1", changed.Text("priority"));
    }

    [Fact]
    public async Task PatchTicket_GroupWithReason_ReassignsAndKeepsRoutingExplanation()
    {
        var ticket = await _client.CreateTicketAsync("Password expired on the VPN token");
        Assert.Equal("Service Desk", ticket.Text("assignmentGroup"));

        var changed = await _client.UpdateTicketAsync(ticket.Id(), new { assignmentGroup = "Network", reason = "The token is a VPN appliance issue" });

        Assert.Equal("Network", changed.Text("assignmentGroup"));
        Assert.Equal(ticket.GetProperty("triage").GetRawText(), changed.GetProperty("triage").GetRawText());
    }

    [Theory]
    [InlineData("""{"assignmentGroup":"Network"}""")]
    [InlineData("""{"assignmentGroup":"Network","reason":""}""")]
    [InlineData("""{"assignmentGroup":"Network","reason":"   "}""")]
    public async Task PatchTicket_GroupWithoutReason_ReturnsValidationProblemNamingReason(string patch)
    {
        var ticket = await _client.CreateTicketAsync("Password reset loop");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), patch);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.Contains("reason", Assert.Single(problem.ErrorsFor("reason")), StringComparison.Ordinal);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal("Service Desk", stored.Text("assignmentGroup"));
    }

    [Fact]
    public async Task PatchTicket_UnknownGroup_ReturnsValidationProblemNamingAssignmentGroup()
    {
        var ticket = await _client.CreateTicketAsync("Password reset loop");

        var response = await _client.PatchTicketAsync(ticket.Id(), new { assignmentGroup = "Facilities", reason = "Not IT" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.Contains("Facilities", Assert.Single(problem.ErrorsFor("assignmentGroup")), StringComparison.Ordinal);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
    }

    [Theory]
    [MemberData(nameof(ReadOnlyFields))]
    public async Task PatchTicket_ReadOnlyField_ReturnsValidationProblemSayingItCannotBeChanged(string field)
    {
        var ticket = await _client.CreateTicketAsync("Laptop won't boot");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), $$"""{"title":"Laptop won't boot at all","{{field}}":"x"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.Contains("cannot be changed", Assert.Single(problem.ErrorsFor(field)), StringComparison.Ordinal);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
    }

    [Fact]
    public async Task PatchTicket_PriorityAsValidValue_IsStillRefused()
    {
        var ticket = await _client.CreateTicketAsync("Firewall blocks the CRM", impact: 3, urgency: 3);

        var response = await _client.PatchTicketAsync(ticket.Id(), new { priority = "P1" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.Contains("impact and urgency", Assert.Single(problem.ErrorsFor("priority")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchTicket_UnknownField_ReturnsValidationProblemNamingIt()
    {
        var ticket = await _client.CreateTicketAsync("Laptop won't boot");

        var response = await _client.PatchTicketAsync(ticket.Id(), new { title = "Laptop won't start", colour = "red" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.Contains("colour", Assert.Single(problem.ErrorsFor("colour")), StringComparison.Ordinal);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
    }

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task PatchTicket_InvalidValue_ReturnsValidationProblemNamingTheFieldAndStoresNothing(string patch, string field, string scenario)
    {
        var ticket = await _client.CreateTicketAsync("Outlook crashes on start");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), patch);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.True(problem.ErrorsFor(field).All(message => message.Contains(field, StringComparison.Ordinal)), scenario);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
        Assert.Single(await _client.GetHistoryAsync(ticket.Id()));
    }

    [Fact]
    public async Task PatchTicket_SeveralBadFields_NamesEveryOne()
    {
        var ticket = await _client.CreateTicketAsync("Outlook crashes on start");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), """{"title":"","impact":9,"number":"INC1","shoeSize":44}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.NotEmpty(problem.ErrorsFor("title"));
        Assert.NotEmpty(problem.ErrorsFor("impact"));
        Assert.NotEmpty(problem.ErrorsFor("number"));
        Assert.NotEmpty(problem.ErrorsFor("shoeSize"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"title\"")]
    [InlineData("42")]
    public async Task PatchTicket_BodyNotAnObject_ReturnsValidationProblem(string body)
    {
        var ticket = await _client.CreateTicketAsync("Outlook crashes on start");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.NotEmpty(problem.ErrorsFor("$"));
    }

    [Fact]
    public async Task PatchTicket_MalformedJson_ReturnsInvalidJsonProblem()
    {
        var ticket = await _client.CreateTicketAsync("Outlook crashes on start");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), """{"title":""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:invalid-json");
    }

    [Fact]
    public async Task PatchTicket_PlainTextContentType_ReturnsUnsupportedMediaType()
    {
        var ticket = await _client.CreateTicketAsync("Outlook crashes on start");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), """{"title":"Outlook crashes"}""", mediaType: "text/plain");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "urn:ticket-triage:problem:unsupported-media-type");
        Assert.Contains("application/merge-patch+json", problem.Text("detail"), StringComparison.Ordinal);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
    }

    [Fact]
    public async Task PatchTicket_Unknown_ReturnsNotFoundProblem()
    {
        var response = await _client.PatchTicketAsync(987654321, new { title = "Nobody home" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
        Assert.Contains("987654321", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchTicket_EmptyPatch_ChangesNothingAndKeepsETag()
    {
        var ticket = await _client.CreateTicketAsync("Outlook crashes on start");
        var (_, etag) = await _client.GetTicketAsync(ticket.Id());

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), "{}");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(ticket.Stored(), (await response.ReadJsonAsync<JsonElement>()).Stored());
        Assert.Equal(etag, response.ETag());
        Assert.Single(await _client.GetHistoryAsync(ticket.Id()));
    }

    [Fact]
    public async Task PatchTicket_SameValues_ChangesNothingAndKeepsETag()
    {
        var ticket = await _client.CreateTicketAsync("Outlook crashes on start", impact: 2, urgency: 3);
        var (_, etag) = await _client.GetTicketAsync(ticket.Id());

        var response = await _client.PatchTicketAsync(ticket.Id(), new { title = "Outlook crashes on start", impact = 2, urgency = 3 });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(etag, response.ETag());
        Assert.Equal(ticket.Text("updatedAt"), (await response.ReadJsonAsync<JsonElement>()).Text("updatedAt"));
        Assert.Single(await _client.GetHistoryAsync(ticket.Id()));
    }
}
