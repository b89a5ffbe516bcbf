using Microsoft.Extensions.Options;
using TicketTriage.Api.Infrastructure;

namespace TicketTriage.Api.Sla;

/// <summary>Runs the SLA scan every <c>Sla:ScanInterval</c>.</summary>
internal sealed class SlaBreachMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<SlaOptions> options, ILogger<SlaBreachMonitor> logger)
    : PeriodicMonitor(scopes, time, logger)
{
    protected override bool Enabled => options.Value.MonitorEnabled;

    protected override TimeSpan Interval => options.Value.ScanInterval;

    protected override string PassName => "SLA scan";

    protected override Task RunPassAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<SlaBreachScanner>().ScanAsync(now, cancellationToken);
}
