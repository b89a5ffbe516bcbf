using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>API tokens through the real bearer scheme: shown once, stored hashed, scoped, revocable.</summary>
public sealed class ApiTokenTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    [Fact]
    public async Task CreateToken_ShowsTheSecretOnceAndStoresOnlyItsHash()
    {
        var email = AuthClient.NewEmail("ivy");
        await factory.CreateUserAsync(email, "Agent");

        var (id, secret) = await factory.CreateTokenAsync(email, name: "nagios");

        Assert.StartsWith("tt_", secret, StringComparison.Ordinal);
        var listed = await factory.CreateClientAs("Admin").GetJsonAsync("/api/v1/tokens?all=true");
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);
        var token = listed.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("id").GetInt64() == id);
        Assert.Equal("nagios", token.Text("name"));
        Assert.Equal(email, token.Text("owner"));
        Assert.StartsWith(token.Text("prefix"), secret, StringComparison.Ordinal);

        await using var connection = factory.CreateDatabaseConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var row = connection.CreateCommand();
        row.CommandText = """SELECT * FROM "ApiTokens" WHERE "Id" = @id""";
        row.AddParameter("id", id);
        await using var reader = await row.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        var stored = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.DoesNotContain(stored, value => value!.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullToken_ActsAsItsUserAndRecordsTheActor()
    {
        var email = AuthClient.NewEmail("jo");
        await factory.CreateUserAsync(email, "Agent");
        var (_, secret) = await factory.CreateTokenAsync(email, name: "script");
        var client = factory.CreateClientWithToken(secret);

        var me = await client.GetJsonAsync("/api/v1/me");
        var ticket = await client.CreateTicketAsync("Opened by a script");
        var history = await client.GetJsonAsync($"/api/v1/tickets/{ticket.GetProperty("id").GetInt64()}/history");

        Assert.Equal(email, me.Text("email"));
        Assert.Equal("script", me.Text("token"));
        Assert.Equal($"{email} (token script)", ticket.Text("openedBy"));
        Assert.Equal($"{email} (token script)", history.GetProperty("items")[0].Text("actor"));
    }

    [Fact]
    public async Task IngestToken_CreatesTicketsButReadsNothing()
    {
        var email = AuthClient.NewEmail("mon");
        await factory.CreateUserAsync(email, "Agent");
        var client = factory.CreateClientWithToken((await factory.CreateTokenAsync(email, "ingest", name: "zabbix")).Secret);

        var ticket = await client.CreateTicketAsync("Disk full on db-01", impact: 1, urgency: 1);
        var read = await client.GetAsync(new Uri($"/api/v1/tickets/{ticket.GetProperty("id").GetInt64()}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("P1", ticket.Text("priority"));
        await read.AssertProblemAsync(HttpStatusCode.Forbidden, "urn:ticket-triage:problem:forbidden");
    }

    [Fact]
    public async Task IngestToken_ForAViewer_IsRefused()
    {
        var email = AuthClient.NewEmail("vera");
        await factory.CreateUserAsync(email, "Viewer");

        var response = await factory.CreateClientAs("Admin").PostAsJsonAsync("/api/v1/tokens", new { name = "sneaky", scope = "ingest", email }, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "urn:ticket-triage:problem:forbidden");
    }

    [Fact]
    public async Task Token_WhenRevokedOrItsUserDisabled_StopsWorking()
    {
        var email = AuthClient.NewEmail("kim");
        var user = await factory.CreateUserAsync(email, "Agent");
        var (id, revoked) = await factory.CreateTokenAsync(email, name: "one");
        var (_, orphaned) = await factory.CreateTokenAsync(email, name: "two");
        await factory.CreateClientWithToken(revoked).GetJsonAsync("/api/v1/me");

        var revoke = await factory.CreateClientWithToken(revoked).DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        await revoke.AssertStatusAsync(HttpStatusCode.NoContent);
        using var disable = new StringContent("""{"disabled":true}""", Encoding.UTF8, "application/json");
        var disabled = await factory.CreateClientAs("Admin").PatchAsync(new Uri($"/api/v1/users/{user.Text("id")}", UriKind.Relative), disable, TestContext.Current.CancellationToken);
        await disabled.AssertStatusAsync(HttpStatusCode.OK);

        var afterRevoke = await factory.CreateClientWithToken(revoked).GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);
        var afterDisable = await factory.CreateClientWithToken(orphaned).GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);
        await afterRevoke.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
        await afterDisable.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
    }

    [Fact]
    public async Task Token_WhenUsed_RecordsLastUse()
    {
        var email = AuthClient.NewEmail("lou");
        await factory.CreateUserAsync(email, "Viewer");
        var (id, secret) = await factory.CreateTokenAsync(email);

        await factory.CreateClientWithToken(secret).GetJsonAsync("/api/v1/me");

        var listed = await factory.CreateClientAs("Admin").GetJsonAsync("/api/v1/tokens?all=true");
        var token = listed.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("id").GetInt64() == id);
        Assert.NotEqual(JsonValueKind.Null, token.GetProperty("lastUsedAt").ValueKind);
    }

    [Theory]
    [InlineData("""{"scope":"full"}""", "name")]
    [InlineData("""{"name":"x","scope":"admin"}""", "scope")]
    [InlineData("""{"name":"x","expiresAt":"2000-01-01T00:00:00Z"}""", "expiresAt")]
    public async Task CreateToken_WithInvalidRequest_ReturnsValidationProblem(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await factory.CreateClientAs("Agent").PostAsync(new Uri("/api/v1/tokens", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task CreateUser_WithShortPasswordOrTakenEmail_IsRefused()
    {
        var email = AuthClient.NewEmail("nia");
        await factory.CreateUserAsync(email, "Viewer");
        var admin = factory.CreateClientAs("Admin");

        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { email = AuthClient.NewEmail("weak"), password = "short", role = "Viewer" }, TestContext.Current.CancellationToken);
        var taken = await admin.PostAsJsonAsync("/api/v1/users", new { email, password = AuthClient.Password, role = "Agent" }, TestContext.Current.CancellationToken);

        var problem = await weak.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.NotEmpty(problem.ErrorsFor("password"));
        Assert.DoesNotContain("short", problem.GetRawText(), StringComparison.Ordinal);
        await taken.AssertProblemAsync(HttpStatusCode.Conflict, "urn:ticket-triage:problem:conflict");
    }
}
