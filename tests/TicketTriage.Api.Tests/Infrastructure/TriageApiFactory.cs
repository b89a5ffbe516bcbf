using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TicketTriage.Api.Auth;
using TicketTriage.Api.AutoClose;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Sla;
using TicketTriage.Api.Webhooks;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>
/// The real API over a real database with a fake clock: a SQLite file in its own temp directory, or,
/// when TRIAGE_TEST_PROVIDER is Postgres, a database of its own on the throw-away PostgreSQL
/// server. Pass the directory of another factory to start a second host on the same database (a restart).
/// </summary>
public sealed class TriageApiFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDirectory;
    private readonly Dictionary<string, string?> _settings;

    public TriageApiFactory()
        : this(Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N")), ownsDirectory: true)
    {
    }

    private TriageApiFactory(string directory, bool ownsDirectory, IDictionary<string, string?>? settings = null)
    {
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        System.IO.Directory.CreateDirectory(directory);
        Provider = settings is not null && settings.TryGetValue("Database:Provider", out var chosen) && chosen is not null
            ? Enum.Parse<DatabaseProvider>(chosen, ignoreCase: true)
            : DefaultProvider;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Tickets"] = Provider == DatabaseProvider.Postgres
                ? PostgresServer.Shared.CreateDatabase(PostgresDatabaseName)
                : $"Data Source={DatabasePath}",

            // Tests run the auto-close scan themselves (RunAutoCloseAsync) at the instants they choose.
            ["Lifecycle:MonitorEnabled"] = "false",
            ["Webhooks:MonitorEnabled"] = "false",
            ["Sla:MonitorEnabled"] = "false",

            // Tests move the fake clock by days; a short refresh period would count open tickets thousands of times per move.
            ["Telemetry:Metrics:OpenTicketsRefreshInterval"] = "01:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The provider every test host uses unless its settings choose one: TRIAGE_TEST_PROVIDER, else SQLite.</summary>
    internal static DatabaseProvider DefaultProvider { get; } =
        Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable("TRIAGE_TEST_PROVIDER") is { Length: > 0 } name ? name : nameof(DatabaseProvider.Sqlite), ignoreCase: true);

    public string Directory { get; }

    internal DatabaseProvider Provider { get; }

    public string ConnectionString => _settings["ConnectionStrings:Tickets"]!;

    /// <summary>One database per directory, so that a host started on the same directory reopens it.</summary>
    private string PostgresDatabaseName => "t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(Directory))))[..32];

    /// <summary>What the host logged, at the levels its configuration lets through.</summary>
    public CapturedLogs Logs { get; } = new();

    public string DatabasePath => Path.Combine(Directory, "tickets.db");

    /// <summary>Starts at a fixed instant and moves 1 ms per reading, so creation order is stable and visible.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero))
    {
        AutoAdvanceAmount = TimeSpan.FromMilliseconds(1),
    };

    /// <summary>A new, closed connection to this host's database, for tests that look underneath the API.</summary>
    public DbConnection CreateDatabaseConnection() => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(ConnectionString)
        : new SqliteConnection($"{ConnectionString};Pooling=False");

    /// <summary>
    /// Writes a ticket row straight into the database, past the API and its checks, as a row from another
    /// version of the service or another tool would be; the database's own triggers still index it.
    /// </summary>
    public Task InsertTicketRowAsync(DbConnection connection, string title, string priority = "P2", string group = "General Support", string status = "New") =>
        InsertTicketRowsAsync(connection, title, 1, priority, group, status);

    /// <summary>
    /// Writes <paramref name="count"/> such rows in one statement: priority null gives P1 to P4 in turn, and the
    /// rows' creation times are scattered over seventeen minutes, out of id order, so that a list read in id order
    /// cannot pass for one read in creation order.
    /// </summary>
    public async Task InsertTicketRowsAsync(DbConnection connection, string title, int count, string? priority = null, string group = "General Support", string status = "New")
    {
        // A day before the clock's present, each row up to 1,008 s earlier, in the form each database stores.
        var latest = Time.GetUtcNow().AddDays(-1);
        var secondsEarlier = "((n.i * 7919) % 1009)";
        var createdAt = Provider == DatabaseProvider.Postgres
            ? $"@latest - {secondsEarlier} * interval '1 second'"
            : $"@latest - {secondsEarlier} * @second";
        var noTerms = Provider == DatabaseProvider.Postgres ? "'{}'" : "'[]'";
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT n.i + 1 FROM n WHERE n.i < @count)
            INSERT INTO "Tickets" ("Title","OpenedBy","Impact","Urgency","Priority","AssignmentGroup","Status","CreatedAt","UpdatedAt","MatchedTerms","ReopenCount","Version","RoutedGroup")
            SELECT @title, 'tests', 2, 2, {(priority is null ? "'P' || ((n.i % 4) + 1)" : "@priority")}, @group, @status, {createdAt}, {createdAt}, {noTerms}, 0, 1, @group
            FROM n;
            """;
        insert.AddParameter("count", count);
        if (Provider == DatabaseProvider.Postgres)
        {
            insert.AddParameter("latest", latest);
        }
        else
        {
            var stored = new DateTimeOffsetToBinaryConverter();
            var latestStored = (long)stored.ConvertToProvider(latest)!;
            insert.AddParameter("latest", latestStored);
            insert.AddParameter("second", (long)stored.ConvertToProvider(latest.AddSeconds(1))! - latestStored);
        }

        insert.AddParameter("title", title);
        if (priority is not null)
        {
            insert.AddParameter("priority", priority);
        }

        insert.AddParameter("group", group);
        insert.AddParameter("status", status);
        await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Moves the fake clock forward, as time passing.</summary>
    public void AdvanceTime(TimeSpan by) => Time.Advance(by);

    /// <summary>Runs one auto-close scan now, as the background monitor would; returns how many tickets it closed.</summary>
    public async Task<int> RunAutoCloseAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var scanner = scope.ServiceProvider.GetRequiredService<AutoCloseScanner>();
        return await scanner.ScanAsync(Time.GetUtcNow(), TestContext.Current.CancellationToken);
    }

    /// <summary>Runs one webhook delivery pass now, as the background monitor would; returns how many events were delivered.</summary>
    public async Task<int> DeliverWebhooksAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(Time.GetUtcNow(), TestContext.Current.CancellationToken);
    }

    /// <summary>Runs one SLA scan now, as the background monitor would; returns how many warnings and breaches it recorded.</summary>
    public async Task<int> RunSlaScanAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaBreachScanner>().ScanAsync(Time.GetUtcNow(), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Starts a host with these settings and returns the validation failure that stopped it. The host
    /// fails on the program's own thread, which then disposes it; now and then the factory reaches the
    /// disposed host first and sees only ObjectDisposedException, so such a start is tried again.
    /// </summary>
    public static OptionsValidationException StartFailure(IDictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = WithSettings(settings);
            try
            {
                factory.CreateClient();
            }
            catch (OptionsValidationException failure)
            {
                return failure;
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                continue;
            }

            throw new Xunit.Sdk.XunitException("The host started although its settings are invalid.");
        }
    }

    /// <summary>A host with extra configuration, on a database of its own.</summary>
    public static TriageApiFactory WithSettings(IDictionary<string, string?> settings) =>
        new(Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N")), ownsDirectory: true, settings);

    /// <summary>A host on a database directory the caller owns, so that hosts can follow each other on it as restarts.</summary>
    public static TriageApiFactory OnDirectory(string directory, IDictionary<string, string?>? settings = null) => new(directory, ownsDirectory: false, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as users run it: no developer exception page can hide a missing problem answer.
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
            services.PostConfigure<PolicySchemeOptions>(AuthServiceCollectionExtensions.DefaultScheme, options =>
            {
                var real = options.ForwardDefaultSelector!;
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestAuthenticationHandler.RoleHeader) ? TestAuthenticationHandler.SchemeName : real(context);
            });
        });
    }

    /// <summary>Clients act as an Agent unless a test asks otherwise.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.RoleHeader, "Agent");
    }

    /// <summary>A client acting as a user with this role (Admin, Agent, Viewer, or anything else to test refusals).</summary>
    public HttpClient CreateClientAs(string role, string? user = null, string? scope = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(TestAuthenticationHandler.RoleHeader);
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.RoleHeader, role);
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthenticationHandler.UserHeader, user);
        }

        if (scope is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthenticationHandler.ScopeHeader, scope);
        }

        return client;
    }

    /// <summary>A client with no credentials, going through the real authentication schemes.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(TestAuthenticationHandler.RoleHeader);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_ownsDirectory && Provider == DatabaseProvider.Postgres)
        {
            PostgresServer.Shared.DropDatabase(PostgresDatabaseName);
        }

        if (_ownsDirectory && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
