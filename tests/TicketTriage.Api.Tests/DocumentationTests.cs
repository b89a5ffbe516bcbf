using System.Net;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

public sealed class DocumentationTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpointWithSummaries()
    {
        var document = await _client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        var operations = new[]
        {
            ("/api/v1/tickets", "post", "CreateTicket"),
            ("/api/v1/tickets", "get", "ListTickets"),
            ("/api/v1/tickets/{id}", "get", "GetTicket"),
            ("/api/v1/triage", "post", "TriageIncident"),
            ("/api/v1/groups", "get", "ListGroups"),
            ("/api/v1/reports/tickets.csv", "get", "ExportTicketsCsv"),
            ("/api/v1/reports/summary.csv", "get", "ExportSummaryCsv"),
            ("/api/v1/reports/summary", "get", "GetSummary"),
        };
        foreach (var (path, method, operationId) in operations)
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Equal(operationId, operation.Text("operationId"));
            Assert.False(string.IsNullOrWhiteSpace(operation.Text("summary")), $"{method} {path} has no summary");
        }

        var create = paths.GetProperty("/api/v1/tickets").GetProperty("post");
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("413", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("CreateTicketRequest", out _));
        Assert.True(schemas.TryGetProperty("TicketResponse", out _));
        Assert.True(schemas.GetProperty("TicketPage").GetProperty("properties").TryGetProperty("nextCursor", out _));
    }

    [Theory]
    [InlineData("/api/v1/tickets", 14)]
    [InlineData("/api/v1/reports/tickets.csv", 11)]
    [InlineData("/api/v1/reports/summary", 13)]
    public async Task OpenApiDocument_DescribesEveryQueryParameter(string path, int count)
    {
        var document = await _client.GetJsonAsync("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(parameter => parameter.Text("in") == "query")
            .ToList();

        Assert.Equal(count, parameters.Count);
        Assert.All(parameters, parameter => Assert.False(
            parameter.GetProperty("description").ValueKind != System.Text.Json.JsonValueKind.String || string.IsNullOrWhiteSpace(parameter.Text("description")),
            $"{path}: query parameter '{parameter.Text("name")}' has no description"));
        Assert.Contains("atRisk", parameters.Single(parameter => parameter.Text("name") == "slaState").Text("description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresTheBearerSchemeForEveryOperation()
    {
        var document = await _client.GetJsonAsync("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.Text("type"));
        Assert.Equal("bearer", scheme.Text("scheme"));
        Assert.Contains(document.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("Bearer", out _));
        Assert.DoesNotContain("tt_", document.GetRawText().Replace("tt_…", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwaggerUi_IsServedAtDocs()
    {
        var response = await _client.GetAsync(new Uri("/docs/index.html", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/docs/index.html")]
    [InlineData("/openapi/v1.json")]
    public async Task Documentation_NeedsNoSignIn(string url)
    {
        using var anonymous = factory.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HomePage_LinksTheDocumentation()
    {
        var response = await _client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("href=\"/docs\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/openapi/v1.json\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenDatabaseIsReachable_IsHealthy(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Health_WhenDatabaseIsUnreadable_ReadyFailsButLiveHolds()
    {
        // A file overwritten underneath the service is how an embedded database breaks; the check is the same on PostgreSQL.
        using var broken = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
        var client = broken.CreateClient();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(broken.DatabasePath + "-wal");
        File.Delete(broken.DatabasePath + "-shm");
        await File.WriteAllTextAsync(broken.DatabasePath, "this is not a SQLite database, it is plain text long enough to fill a header", TestContext.Current.CancellationToken);

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
