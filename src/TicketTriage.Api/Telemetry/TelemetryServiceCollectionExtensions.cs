using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TicketTriage.Api.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard OpenTelemetry variable; when set, traces, metrics and logs also go there over OTLP.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    public const string DefaultServiceName = "ticket-triage";

    /// <summary>
    /// OpenTelemetry metrics (ASP.NET Core, HttpClient, runtime, EF Core, Npgsql and the TicketTriage meter) with a
    /// Prometheus exporter, traces (ASP.NET Core, HttpClient, EF Core), OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and console logs carrying trace and span ids.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<OpenTicketCounts>();
        services.AddSingleton<TriageMetrics>();
        services.AddHostedService<OpenTicketsMonitor>();
        services.PostConfigure<ProblemDetailsOptions>(ProblemResponseTelemetry.CaptureProblemTypes);

        // Every log line carries the trace and span of the request it belongs to; the console shows
        // them as a scope, in the JSON format (Logging:Console:FormatterName=json) as fields.
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        services.Configure<SimpleConsoleFormatterOptions>(options => options.IncludeScopes = true);

        // Without a formatter name the console logger reads its obsolete options instead, scopes off.
        services.Configure<ConsoleLoggerOptions>(options => options.FormatterName ??= ConsoleFormatterNames.Simple);

        // Read here rather than after Build: exporters are chosen while services are registered, and
        // this is a process environment variable, not a setting tests override.
        var serviceName = builder.Configuration[ServiceNameVariable];
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(string.IsNullOrWhiteSpace(serviceName) ? DefaultServiceName : serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(TriageMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()

                // The database: EF Core's queries, saves and contexts on either provider, and on PostgreSQL
                // Npgsql's command durations and connection pool (its traces would repeat EF Core's spans).
                .AddMeter("Microsoft.EntityFrameworkCore", "Npgsql")
                .AddEntityFrameworkCoreDescriptions()

                // Prometheus keeps a "_count" suffix for histograms and summaries, and promtool's lint
                // refuses it on anything else: the gauges named "*.count" (the runtime's, Npgsql's connections) get other names.
                .AddView("dotnet.assembly.count", new MetricStreamConfiguration { Name = "dotnet.assemblies.loaded" })
                .AddView("dotnet.process.cpu.count", new MetricStreamConfiguration { Name = "dotnet.process.cpus" })
                .AddView("dotnet.timer.count", new MetricStreamConfiguration { Name = "dotnet.timers.active" })
                .AddView("db.client.connection.count", new MetricStreamConfiguration { Name = "db.client.connections" })
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsScrapeOrProbe(context.Request.Path))

                // A webhook receiver's address may hold its secret in the path (chat services' do): spans of
                // outgoing calls keep the scheme, host and port only.
                .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = (activity, request) =>
                    activity.SetTag("url.full", request.RequestUri is { IsAbsoluteUri: true } uri ? $"{uri.Scheme}://{uri.Authority}/" : null))
                .AddEntityFrameworkCoreInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry
                .WithLogging(configureBuilder: null, configureOptions: options =>
                {
                    options.IncludeFormattedMessage = true;
                    options.IncludeScopes = true;
                })
                .UseOtlpExporter();
        }

        return builder;
    }

    // EF Core's instruments carry no description, and promtool's lint refuses a series without help text.
    private static readonly (string Instrument, string Description)[] EntityFrameworkCoreInstruments =
    [
        ("microsoft.entityframeworkcore.active_dbcontexts", "DbContext instances in use now."),
        ("microsoft.entityframeworkcore.queries", "Queries EF Core has run."),
        ("microsoft.entityframeworkcore.savechanges", "SaveChanges calls EF Core has run."),
        ("microsoft.entityframeworkcore.compiled_query_cache_hits", "Queries whose compiled form EF Core found in its cache."),
        ("microsoft.entityframeworkcore.compiled_query_cache_misses", "Queries EF Core had to compile."),
        ("microsoft.entityframeworkcore.execution_strategy_operation_failures", "Database operations that failed and could be retried."),
        ("microsoft.entityframeworkcore.optimistic_concurrency_failures", "Saves refused because the row changed since it was read."),
    ];

    private static MeterProviderBuilder AddEntityFrameworkCoreDescriptions(this MeterProviderBuilder metrics)
    {
        foreach (var (instrument, description) in EntityFrameworkCoreInstruments)
        {
            metrics.AddView(instrument, new MetricStreamConfiguration { Description = description });
        }

        return metrics;
    }

    /// <summary>
    /// Goes first: counts refused requests and logs error answers, seeing every final status; then,
    /// with a management port, keeps that port to /metrics and health before authentication runs.
    /// </summary>
    public static IApplicationBuilder UseTelemetry(this IApplicationBuilder app) =>
        app.UseMiddleware<ProblemResponseTelemetry>().UseMiddleware<ManagementPortFilter>();

    /// <summary>
    /// Maps <c>/metrics</c>: on the management port when <c>Telemetry:Metrics:Port</c> is set (anonymous
    /// there, and nowhere else), otherwise on the API port under the API's authorization unless
    /// <c>Telemetry:Metrics:AllowAnonymous</c> opens it.
    /// </summary>
    public static WebApplication MapTelemetryEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        var scrape = app.MapPrometheusScrapingEndpoint(MetricsOptions.Path).WithDisplayName("Prometheus scrape");
        if (options.Port is { } port)
        {
            ListenOnManagementPort(app, options.Host, port);
            scrape.AllowAnonymous();
        }
        else if (options.AllowAnonymous)
        {
            scrape.AllowAnonymous();
        }
        else
        {
            // Readers may scrape: Prometheus authenticates with an API token of a Viewer.
            scrape.RequireAuthorization(Auth.Policies.Reader);
        }

        return app;
    }

    private static bool IsScrapeOrProbe(PathString path) =>
        path.StartsWithSegments(MetricsOptions.Path, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Adds the management address beside the API's. The host fills the server's addresses from
    /// <c>Urls</c> (or <c>HTTP_PORTS</c>) only while the list is empty, so those are added first, as the
    /// host would have. Endpoints declared under <c>Kestrel:Endpoints</c> replace both: declare the
    /// management port there too in that case.
    /// </summary>
    private static void ListenOnManagementPort(WebApplication app, string host, int port)
    {
        // The test server has no addresses; there, the filter alone keeps /metrics off the API.
        var addresses = ((IApplicationBuilder)app).ServerFeatures.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.IsReadOnly)
        {
            return;
        }

        if (addresses.Count == 0)
        {
            foreach (var url in Split(app.Configuration[WebHostDefaults.ServerUrlsKey]))
            {
                addresses.Add(url);
            }

            if (addresses.Count == 0)
            {
                foreach (var httpPort in Split(app.Configuration[WebHostDefaults.HttpPortsKey]))
                {
                    addresses.Add($"http://*:{httpPort}");
                }

                foreach (var httpsPort in Split(app.Configuration[WebHostDefaults.HttpsPortsKey]))
                {
                    addresses.Add($"https://*:{httpsPort}");
                }
            }

            if (addresses.Count == 0)
            {
                addresses.Add("http://localhost:5000");
            }
        }

        addresses.Add(FormattableString.Invariant($"http://{host}:{port}"));
    }

    private static string[] Split(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
