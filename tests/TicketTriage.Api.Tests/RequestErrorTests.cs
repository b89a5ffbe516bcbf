using System.Net;
using System.Net.Http.Json;
using System.Text;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Every way a request can be wrong gets a problem answer that says what to fix, and stores nothing.</summary>
public sealed class RequestErrorTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private const string Validation = "urn:ticket-triage:problem:validation";
    private const string InvalidJson = "urn:ticket-triage:problem:invalid-json";

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "missing title", """{"impact":1,"urgency":1,"description":"MARKER"}""", "title" },
        { "blank title", """{"title":"   ","impact":1,"urgency":1,"description":"MARKER"}""", "title" },
        { "title over 200", $$"""{"title":"{{new string('t', 201)}}","impact":1,"urgency":1,"description":"MARKER"}""", "title" },
        { "description over 10000", $$"""{"title":"ok","impact":1,"urgency":1,"description":"MARKER {{new string('d', 10_000)}}"}""", "description" },
        { "caller over 200", $$"""{"title":"ok","impact":1,"urgency":1,"description":"MARKER","caller":"{{new string('c', 201)}}"}""", "caller" },
        { "missing impact", """{"title":"ok","urgency":1,"description":"MARKER"}""", "impact" },
        { "impact 0", """{"title":"ok","impact":0,"urgency":1,"description":"MARKER"}""", "impact" },
        { "impact 4", """{"title":"ok","impact":4,"urgency":1,"description":"MARKER"}""", "impact" },
        { "missing urgency", """{"title":"ok","impact":1,"description":"MARKER"}""", "urgency" },
        { "urgency -1", """{"title":"ok","impact":1,"urgency":-1,"description":"MARKER"}""", "urgency" },
    };

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "impact as text", """{"title":"ok","impact":"high","urgency":1,"description":"MARKER"}""", "impact" },
        { "urgency as fraction", """{"title":"ok","impact":1,"urgency":1.5,"description":"MARKER"}""", "urgency" },
        { "title as number", """{"title":42,"impact":1,"urgency":1,"description":"MARKER"}""", "title" },
        { "priority set by caller", """{"title":"ok","impact":1,"urgency":1,"priority":"P1","description":"MARKER"}""", "priority" },
        { "number set by caller", """{"title":"ok","impact":1,"urgency":1,"number":"INC0000001","description":"MARKER"}""", "number" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task CreateTicket_WithInvalidField_ReturnsValidationProblemNamingIt(string scenario, string body, string field)
    {
        var marker = TicketClient.NewMarker();

        var response = await PostJsonAsync(body.Replace("MARKER", marker, StringComparison.Ordinal));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.True(problem.ErrorsFor(field).All(message => message.Contains(field, StringComparison.Ordinal)), scenario);
        Assert.Empty(await _client.ListAllAsync($"q={marker}"));
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task CreateTicket_WithWrongTypeOrUnknownField_ReturnsProblemNamingIt(string scenario, string body, string field)
    {
        var marker = TicketClient.NewMarker();

        var response = await PostJsonAsync(body.Replace("MARKER", marker, StringComparison.Ordinal));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, InvalidJson);
        Assert.Contains(field, problem.Text("detail"), StringComparison.Ordinal);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Empty(await _client.ListAllAsync($"q={marker}"));
        Assert.NotEmpty(scenario);
    }

    [Fact]
    public async Task CreateTicket_WithTitleOf200CharactersAndSurroundingSpaces_IsAccepted()
    {
        var title = new string('t', 200);

        var ticket = await _client.CreateTicketAsync("   " + title + "   ");

        Assert.Equal(title, ticket.Text("title"));
    }

    [Fact]
    public async Task CreateTicket_WithMalformedJson_ReturnsProblemWithPosition()
    {
        var response = await PostJsonAsync("""{"title":"ok","impact":1,""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, InvalidJson);
        Assert.Contains("not valid JSON", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("line 1", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTicket_WithEmptyBody_ReturnsProblemAskingForJson()
    {
        var response = await PostJsonAsync(string.Empty);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:bad-request");
        Assert.Contains("JSON body is required", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTicket_WithBodyOver64KiB_ReturnsPayloadTooLargeAndStoresNothing()
    {
        var marker = TicketClient.NewMarker();
        var body = $$"""{"title":"{{marker}}","impact":1,"urgency":1,"description":"{{new string('x', 65 * 1024)}}"}""";

        var response = await PostJsonAsync(body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "urn:ticket-triage:problem:payload-too-large");
        Assert.Contains("64 KiB", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(await _client.ListAllAsync($"q={marker}"));
    }

    [Fact]
    public async Task CreateTicket_WithWrongContentType_ReturnsUnsupportedMediaType()
    {
        using var content = new StringContent("""{"title":"ok","impact":1,"urgency":1}""", Encoding.UTF8, "text/plain");

        var response = await _client.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "urn:ticket-triage:problem:unsupported-media-type");
        Assert.Contains("application/json", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_ReturnsNotFoundProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
    }

    [Fact]
    public async Task WrongMethod_ReturnsMethodNotAllowedProblem()
    {
        var response = await _client.DeleteAsync(new Uri("/api/v1/tickets", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "urn:ticket-triage:problem:method-not-allowed");
        Assert.Contains(HttpMethod.Get.Method, response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Triage_WithBodyOver64KiB_ReturnsPayloadTooLarge()
    {
        var response = await _client.PostAsJsonAsync(
            "/api/v1/triage",
            new { title = "ok", impact = 1, urgency = 1, description = new string('x', 70 * 1024) },
            TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "urn:ticket-triage:problem:payload-too-large");
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _client.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }
}
